import { unique } from './factories/unique.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const WINDOW_SECONDS = 2;
const PER_ACCOUNT = 3;
const PER_ADDRESS = 6;

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';

let app: TestApp;

interface Attempt {
  status: number;
  code?: string;
  message?: string;
  retryAfter: string | null;
  retryAfterSeconds?: number;
}

async function login(email: string, password: string): Promise<Attempt> {
  const response = await fetch(`${app.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { email, password } }),
  });
  const body = (await response.json()) as {
    data?: { login?: { accessToken?: string } };
    errors?: { message: string; extensions?: Record<string, any> }[];
  };
  const error = body.errors?.[0];
  return {
    status: response.status,
    code: error?.extensions?.code ?? (body.data?.login?.accessToken ? 'OK' : undefined),
    message: error?.message,
    retryAfter: response.headers.get('retry-after'),
    retryAfterSeconds: error?.extensions?.retryAfterSeconds,
  };
}

const codes = async (attempts: Promise<Attempt>[]) => (await Promise.all(attempts)).map((a) => a.code);
const sequentially = async (count: number, attempt: () => Promise<Attempt>) => {
  const results: Attempt[] = [];
  for (let i = 0; i < count; i += 1) results.push(await attempt());
  return results;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A user of its own for each test, with a known password. */
async function account(): Promise<{ email: string; password: string }> {
  const email = `${unique('throttle').replace(' ', '.')}@tests.planspor`;
  const password = 'the-right-password';
  await app.client.ok(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email, password, name: 'Throttled', role: 'LBF' } },
    app.adminToken,
  );
  return { email, password };
}

beforeAll(async () => {
  app = await startTestApp({
    LOGIN_MAX_FAILURES_PER_ACCOUNT: String(PER_ACCOUNT),
    LOGIN_MAX_FAILURES_PER_ADDRESS: String(PER_ADDRESS),
    LOGIN_WINDOW_SECONDS: String(WINDOW_SECONDS),
  });
});
afterAll(async () => {
  await app?.stop();
});
// Every test starts with nothing counted: all earlier failures have left the window.
beforeEach(() => sleep(WINDOW_SECONDS * 1000 + 100));

describe('login throttling', () => {
  it(`refuses an account after ${PER_ACCOUNT} failures with TOO_MANY_REQUESTS and HTTP 429, a right password included`, async () => {
    const { email, password } = await account();
    const failures = await sequentially(PER_ACCOUNT, () => login(email, 'wrong password'));
    expect(failures.map((f) => [f.status, f.code])).toEqual(Array(PER_ACCOUNT).fill([200, 'UNAUTHENTICATED']));

    const refused = await login(email, 'wrong password');
    expect(refused).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/for this account/) });
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(refused.retryAfterSeconds).toBe(Number(refused.retryAfter));
    // The right password is refused too: otherwise the refusal would tell a guesser when it was right.
    expect(await login(email, password)).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    // Another account from the same address is not affected.
    const other = await account();
    expect((await login(other.email, other.password)).code).toBe('OK');
  });

  it('counts an account by its email, whatever its case and surrounding spaces', async () => {
    const { email, password } = await account();
    await login(email.toUpperCase(), 'wrong password');
    await login(` ${email} `, 'wrong password');
    await login(email, 'wrong password');
    expect((await login(email, password)).code).toBe('TOO_MANY_REQUESTS');
  });

  it(`refuses an address after ${PER_ADDRESS} failures, for every account`, async () => {
    const { email, password } = await account();
    // Unknown accounts count for the address like known ones.
    const failures = await sequentially(PER_ADDRESS, () => login(`${unique('nobody').replace(' ', '.')}@tests.planspor`, 'wrong password'));
    expect(failures.every((f) => f.code === 'UNAUTHENTICATED')).toBe(true);
    expect(await login(email, password)).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/from this address/) });
  });

  it('never counts a successful login', async () => {
    const { email, password } = await account();
    const successes = await sequentially(PER_ADDRESS + 2, () => login(email, password));
    expect(successes.every((s) => s.code === 'OK')).toBe(true);
    // Still the full allowance of failures for the account.
    expect(await codes([1, 2, 3].map(() => login(email, 'wrong password')))).toEqual(Array(PER_ACCOUNT).fill('UNAUTHENTICATED'));
    expect((await login(email, password)).code).toBe('TOO_MANY_REQUESTS');
  });

  it('never refuses parallel logins that succeed, however many are in flight', async () => {
    const { email, password } = await account();
    const results = await codes(Array.from({ length: PER_ADDRESS + 3 }, () => login(email, password)));
    expect(results).toEqual(Array(PER_ADDRESS + 3).fill('OK'));
  });

  it('does not let aliases multiply guesses: the first failed login ends the request', async () => {
    const { email, password } = await account();
    const guesses = Array.from({ length: 5 }, (_, i) => `g${i}: login(email: $email, password: "guess ${i}") { accessToken }`);
    const result = await app.client.request(`mutation($email: String!) { ${guesses.join(' ')} }`, { email });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    // One failure counted: the rest of the allowance is still there.
    expect(await codes(Array.from({ length: PER_ACCOUNT - 1 }, () => login(email, 'wrong password')))).toEqual(
      Array(PER_ACCOUNT - 1).fill('UNAUTHENTICATED'),
    );
    expect((await login(email, password)).code).toBe('TOO_MANY_REQUESTS');
  });

  it('lets the account log in again once the window has passed', async () => {
    const { email, password } = await account();
    await sequentially(PER_ACCOUNT, () => login(email, 'wrong password'));
    expect((await login(email, password)).code).toBe('TOO_MANY_REQUESTS');
    await sleep(WINDOW_SECONDS * 1000 + 100);
    expect((await login(email, password)).code).toBe('OK');
  });
});
