import { account, LOGIN_PAIR, ME, REFRESH, UPDATE_USER } from './helpers/accounts.js';
import { expectError } from './helpers/expect-error.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Two instances of the app on one database, as two replicas behind a load balancer: what one of them
 * ends, the other refuses from the next request on, and the login throttle counts the failures of
 * both (API.md, "Added by the accounts and operations issue"). The requests go one after another:
 * on the embedded engine all connections share one session.
 */
const PER_ACCOUNT = 3;
const WINDOW_SECONDS = 60;

let one: TestApp;
let two: TestApp;

beforeAll(async () => {
  const env = { LOGIN_MAX_FAILURES_PER_ACCOUNT: String(PER_ACCOUNT), LOGIN_WINDOW_SECONDS: String(WINDOW_SECONDS) };
  one = await startTestApp(env);
  two = await startTestApp(env);
}, 120_000);
afterAll(async () => {
  await one?.stop();
  await two?.stop();
});

const me = (app: TestApp, token: string) => app.client.request(ME, {}, token);

describe('two instances on one database', () => {
  it('a deactivation through one is refused by the other from the next request on', async () => {
    const user = await account(one.client, one.adminToken, 'LBF');
    expect((await me(two, user.accessToken)).data?.me.id).toBe(user.id);
    await one.client.ok(UPDATE_USER, { input: { id: user.id, active: false } }, one.adminToken);
    expectError(await me(two, user.accessToken), 'UNAUTHENTICATED');
    expectError(await two.client.request(LOGIN_PAIR, { email: user.email, password: user.password }), 'UNAUTHENTICATED');
    expectError(await two.client.request(REFRESH, { refreshToken: user.refreshToken }), 'UNAUTHENTICATED');
  });

  it('a change of role through one ends the token on the other, and the refresh on the other says the new role', async () => {
    const user = await account(two.client, two.adminToken, 'LBF');
    expect((await me(one, user.accessToken)).data?.me.role).toBe('LBF');
    await two.client.ok(UPDATE_USER, { input: { id: user.id, role: 'ADMIN' } }, two.adminToken);
    expectError(await me(one, user.accessToken), 'UNAUTHENTICATED');
    const { refreshSession } = await one.client.ok(REFRESH, { refreshToken: user.refreshToken });
    expect((await me(two, refreshSession.accessToken)).data?.me.role).toBe('ADMIN');
  });

  it('a password change through one ends the sessions on the other', async () => {
    const user = await account(one.client, one.adminToken, 'LBF');
    await one.client.ok(
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
      { c: user.password, n: 'the-new-password' },
      user.accessToken,
    );
    expectError(await me(two, user.accessToken), 'UNAUTHENTICATED');
    expectError(await two.client.request(REFRESH, { refreshToken: user.refreshToken }), 'UNAUTHENTICATED');
  });

  it('a refresh token used on one cannot be used again on the other, and the reuse revokes its family', async () => {
    const user = await account(one.client, one.adminToken, 'LBF');
    const rotated = (await one.client.ok(REFRESH, { refreshToken: user.refreshToken })).refreshSession;
    expectError(await two.client.request(REFRESH, { refreshToken: user.refreshToken }), 'UNAUTHENTICATED');
    expectError(await one.client.request(REFRESH, { refreshToken: rotated.refreshToken }), 'UNAUTHENTICATED');
  });

  it('the login throttle counts the failures of both', async () => {
    const user = await account(one.client, one.adminToken, 'LBF');
    const login = (app: TestApp, password: string) => app.client.request(LOGIN_PAIR, { email: user.email, password });
    expectError(await login(one, 'wrong password'), 'UNAUTHENTICATED');
    expectError(await login(two, 'wrong password'), 'UNAUTHENTICATED');
    expectError(await login(one, 'wrong password'), 'UNAUTHENTICATED');
    // PER_ACCOUNT failures in all, spread over the two: both refuse, the right password included.
    const refused = await login(two, user.password);
    expectError(refused, 'TOO_MANY_REQUESTS');
    expect(refused.status).toBe(429);
    expectError(await login(one, user.password), 'TOO_MANY_REQUESTS');
    // Another account is not affected on either.
    const other = await account(two.client, two.adminToken, 'LBF');
    expect((await one.client.request(LOGIN_PAIR, { email: other.email, password: other.password })).data?.login.user.id).toBe(other.id);
  });
});
