import { type TestApp, startTestApp } from './helpers/test-app.js';

// CORS is off unless CORS_ORIGINS lists origins; Apollo's CSRF prevention stays on either way.

const TOOLS = 'https://tools.example.org';
const EVIL = 'https://evil.example.com';

function preflight(app: TestApp, origin: string) {
  return fetch(`${app.server.url}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
  });
}

function me(app: TestApp, origin: string, token: string) {
  return fetch(`${app.server.url}/graphql`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { id } }' }),
  });
}

describe('CORS off (the default)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.stop());

  it('answers no origin with CORS headers, so a browser elsewhere reads nothing', async () => {
    const options = await preflight(app, TOOLS);
    expect(options.headers.get('access-control-allow-origin')).toBeNull();
    expect(options.headers.get('access-control-allow-headers')).toBeNull();
    const response = await me(app, TOOLS, app.adminToken);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS_ORIGINS', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ CORS_ORIGINS: `${TOOLS}, http://localhost:5173` });
  });
  afterAll(() => app?.stop());

  it('lets a listed origin preflight and read the answer, with the request id exposed', async () => {
    const options = await preflight(app, TOOLS);
    expect(options.status).toBe(204);
    expect(options.headers.get('access-control-allow-origin')).toBe(TOOLS);
    expect(options.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(options.headers.get('access-control-allow-credentials')).toBeNull();
    const response = await me(app, TOOLS, app.adminToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(TOOLS);
    expect(response.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    expect(((await response.json()) as any).data.me.id).toEqual(expect.any(String));
    expect((await preflight(app, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('gives an origin not on the list nothing', async () => {
    const options = await preflight(app, EVIL);
    expect(options.headers.get('access-control-allow-origin')).toBeNull();
    const response = await me(app, EVIL, app.adminToken);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    // A near miss is a miss: another scheme, port or subdomain.
    for (const origin of ['http://tools.example.org', 'https://tools.example.org:8443', 'https://x.tools.example.org']) {
      expect((await preflight(app, origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('keeps the CSRF protection: a simple (unpreflighted) request is refused, even from a listed origin', async () => {
    const form = await fetch(`${app.server.url}/graphql`, {
      method: 'POST',
      headers: { origin: TOOLS, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { login(email: "a@b.dk", password: "x") { accessToken } }' }),
    });
    expect(form.status).toBe(400);
    expect(await form.text()).toMatch(/CSRF|preflight/i);
    const get = await fetch(`${app.server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { origin: TOOLS } });
    expect(get.status).toBe(400);
  });

  it('refuses a malformed list at start, naming the variable', async () => {
    await expect(startTestApp({ CORS_ORIGINS: 'https://tools.example.org/path' })).rejects.toThrow(/^CORS_ORIGINS: /);
    await expect(startTestApp({ CORS_ORIGINS: '*' })).rejects.toThrow(/^CORS_ORIGINS: /);
  });
});
