import type { DestinationStream } from 'pino';
import { loadConfig } from '../src/config/config.js';
import { type RunningServer, startServer } from '../src/server.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './helpers/test-app.js';

// The JSON log and GET /metrics of a real app on the test database (docs/operations.md).

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';
const WRONG_PASSWORD = 'wrong-password-kept-out-of-logs';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every line the app logs, as written. */
const lines: string[] = [];
const capture: DestinationStream = {
  write(chunk: string) {
    lines.push(...chunk.split('\n').filter((line) => line !== ''));
  },
};

let server: RunningServer;

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { response, body: (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] } };
}

const LOGIN = 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';

function parsed(): Record<string, any>[] {
  return lines.map((line) => JSON.parse(line) as Record<string, any>);
}

/** The request line of the request with this id (there is exactly one). */
function requestLine(requestId: string): Record<string, any> {
  const found = parsed().filter((entry) => entry.requestId === requestId && entry.req);
  expect(found).toHaveLength(1);
  return found[0];
}

/** Waits until a request's line is written (pino-http writes it when the response has finished). */
async function lineFor(requestId: string): Promise<Record<string, any>> {
  for (let i = 0; i < 50 && !parsed().some((entry) => entry.requestId === requestId && entry.req); i++) await new Promise((r) => setTimeout(r, 20));
  return requestLine(requestId);
}

beforeAll(async () => {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through `npm test`');
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    DEMO_DATA: 'false',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    LOG_LEVEL: 'info',
    METRICS_TOKEN,
  });
  server = await startServer(config, {
    database: { url, embedded: process.env.TEST_DATABASE_EMBEDDED === 'true', poolSize: 3 },
    logStream: capture,
  });
});

afterAll(async () => {
  await server?.stop();
});

describe('the JSON log', () => {
  let token: string;
  let adminId: string;

  it('gives each request an id: the sane one it came with, else a new one; returned and on its line', async () => {
    const login = await post({ query: LOGIN, variables: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } }, { 'X-Request-Id': 'test-login-1' });
    expect(login.response.headers.get('x-request-id')).toBe('test-login-1');
    token = login.body.data.login.accessToken;
    expect(await lineFor('test-login-1')).toMatchObject({
      level: 'info',
      requestId: 'test-login-1',
      status: 200,
      operationName: 'Login',
      operationType: 'mutation',
      req: { method: 'POST', path: '/graphql' },
      durationMs: expect.any(Number),
    });

    const me = await post({ query: 'query Me { me { id } }' }, { authorization: `Bearer ${token}` });
    adminId = me.body.data.me.id;
    const made = me.response.headers.get('x-request-id')!;
    expect(made).toMatch(UUID);
    expect(await lineFor(made)).toMatchObject({ requestId: made, status: 200, operationName: 'Me', operationType: 'query', userId: adminId });

    // An id with spaces (or 200 characters) could forge log content: a new one is made instead.
    for (const insane of ['two words', 'x'.repeat(200)]) {
      const response = await fetch(`${server.url}/health`, { headers: { 'X-Request-Id': insane } });
      const given = response.headers.get('x-request-id')!;
      expect(given).toMatch(UUID);
      expect((await lineFor(given)).req).toEqual(expect.objectContaining({ method: 'GET', path: '/health' }));
    }
  });

  it('names the failure of a failed login by its code, and an anonymous operation as such', async () => {
    const failed = await post({ query: LOGIN, variables: { email: ADMIN_EMAIL, password: WRONG_PASSWORD } }, { 'X-Request-Id': 'test-failed-login' });
    expect(failed.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await lineFor('test-failed-login')).toMatchObject({ operationName: 'Login', errorCodes: ['UNAUTHENTICATED'] });
    expect((await lineFor('test-failed-login')).userId).toBeUndefined();

    await post({ query: '{ me { id } }' }, { authorization: `Bearer ${token}`, 'X-Request-Id': 'test-anonymous' });
    expect(await lineFor('test-anonymous')).toMatchObject({ operationName: 'anonymous', userId: adminId });
  });

  it('is one JSON object a line and holds no password, token or Authorization header anywhere', async () => {
    // A password and a token inside a request that fails (the failure is logged, the variables are not).
    await post({ query: 'mutation { nope(password: $p) }', variables: { p: WRONG_PASSWORD, accessToken: token } }, { authorization: `Bearer ${token}` });
    await fetch(`${server.url}/graphql?query=${encodeURIComponent(`{ me { id } }`)}&token=${token}`, { headers: { authorization: `Bearer ${token}` } });
    await new Promise((r) => setTimeout(r, 100));
    expect(lines.length).toBeGreaterThan(10);
    const entries = parsed(); // throws on a line that is not JSON
    expect(entries.every((entry) => typeof entry.level === 'string' && typeof entry.time === 'string' && typeof entry.msg === 'string')).toBe(true);
    const log = lines.join('\n');
    for (const secret of [ADMIN_PASSWORD, WRONG_PASSWORD, token, token.split('.')[2], 'test-secret-test-secret', METRICS_TOKEN]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toMatch(/authorization/i);
    expect(log).not.toMatch(/bearer/i);
    expect(log).not.toMatch(/"password"/i);
    // Nest's own messages come through the same logger.
    expect(entries.some((entry) => entry.context === 'InstanceLoader')).toBe(true);
  });
});

/** `name{labels} value` lines of the Prometheus text format. */
function samples(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/);
      if (!match) throw new Error(`not a Prometheus sample: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, key, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[key] = value;
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

async function scrape() {
  const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const all = samples(await response.text());
  const value = (name: string, labels: Record<string, string> = {}) =>
    all.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((sum, s) => sum + s.value, 0);
  return { all, value };
}

describe('GET /metrics', () => {
  it('wants the METRICS_TOKEN as a Bearer token', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer not-the-metrics-token' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await wrong.text()).not.toContain('planspor_');
  });

  it('counts request durations by operation name and errors by code', async () => {
    const token = (await post({ query: LOGIN, variables: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } })).body.data.login.accessToken;
    const before = await scrape();
    const me = { name: 'planspor_http_request_duration_seconds_count', labels: { route: 'graphql', operation: 'MetricsMe', status: '2xx' } };
    for (let i = 0; i < 3; i++) await post({ query: 'query MetricsMe { me { id } }' }, { authorization: `Bearer ${token}` });
    await post({ query: LOGIN, variables: { email: ADMIN_EMAIL, password: WRONG_PASSWORD } });
    await post({ query: 'query Broken { me { nope } }' }, { authorization: `Bearer ${token}` });
    const after = await scrape();

    expect(after.value(me.name, me.labels) - before.value(me.name, me.labels)).toBe(3);
    // The histogram's buckets are cumulative: +Inf holds every request, and the sum is their total time.
    expect(after.value('planspor_http_request_duration_seconds_bucket', { ...me.labels, le: '+Inf' })).toBe(after.value(me.name, me.labels));
    expect(after.value('planspor_http_request_duration_seconds_sum', me.labels)).toBeGreaterThan(0);
    const errors = (code: string, operation: string) => after.value('planspor_graphql_errors_total', { code, operation }) - before.value('planspor_graphql_errors_total', { code, operation });
    expect(errors('UNAUTHENTICATED', 'Login')).toBe(1);
    expect(errors('GRAPHQL_VALIDATION_FAILED', 'Broken')).toBe(1);
    expect(errors('UNAUTHENTICATED', 'MetricsMe')).toBe(0);
  });

  it("reports the connection pool's use and the process metrics", async () => {
    const { value, all } = await scrape();
    const max = process.env.TEST_DATABASE_EMBEDDED === 'true' ? 1 : 3;
    expect(value('planspor_db_pool_connections_max')).toBe(max);
    const total = value('planspor_db_pool_connections_total');
    expect(total).toBeGreaterThanOrEqual(1);
    expect(total).toBeLessThanOrEqual(max);
    expect(value('planspor_db_pool_connections_idle')).toBeLessThanOrEqual(total);
    expect(value('planspor_db_pool_waiting_requests')).toBe(0);
    expect(value('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(value('process_resident_memory_bytes')).toBeGreaterThan(1_000_000);
    expect(all.some((s) => s.name === 'nodejs_eventloop_lag_seconds')).toBe(true);
  });

  it('keeps client-chosen operation names from growing the metrics without bound', async () => {
    const token = (await post({ query: LOGIN, variables: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } })).body.data.login.accessToken;
    await Promise.all(Array.from({ length: 220 }, (_, i) => post({ query: `query Invented${i} { me { id } }` }, { authorization: `Bearer ${token}` })));
    const { all } = await scrape();
    const operations = new Set(all.filter((s) => s.name === 'planspor_http_request_duration_seconds_count').map((s) => s.labels.operation));
    expect(operations.size).toBeLessThanOrEqual(201 + 1); // 200 names, `other` and `-`
    expect(operations.has('other')).toBe(true);
  });
});
