import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { EXPLORER_ASSETS } from '../src/explorer/explorer.js';
import { type TestApp, startTestApp } from './helpers/test-app.js';

// The GraphQL explorer at GET /graphql (outside production): GraphiQL served entirely by the app.

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('the GraphQL explorer outside production', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.stop());

  it('is a page whose every asset comes from the app, under a CSP that allows only the app', async () => {
    const response = await fetch(`${app.server.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    const html = await response.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('demo-projekt-2026'); // the demo logins beside it
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.sort()).toEqual([`${EXPLORER_ASSETS}/explorer.js`, `${EXPLORER_ASSETS}/graphiql.css`]);
    for (const asset of assets) {
      const file = await fetch(`${app.server.url}${asset}`);
      expect(file.status).toBe(200);
      expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
    }
    // No inline script runs: the only inline one is JSON data.
    expect([...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1].trim())).toEqual(['type="application/json" id="explorer-config"']);
  }, 120_000);

  it('leaves GET /graphql to the API for a client that asks for JSON', async () => {
    const response = await fetch(`${app.server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  (existsSync(CHROMIUM) ? it : it.skip)(
    'works in a browser that can reach nothing but the app: it loads the schema and runs a query',
    async () => {
      const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
      try {
        const context = await browser.newContext();
        const origin = new URL(app.server.url).origin;
        const foreign: string[] = [];
        const problems: string[] = [];
        await context.route('**/*', (route) => {
          const url = route.request().url();
          if (new URL(url).origin !== origin) {
            foreign.push(url);
            return route.abort('blockedbyclient');
          }
          return route.continue();
        });
        const page = await context.newPage();
        page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(`console: ${message.text()}`);
        });
        const introspection = page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST' && /__schema/.test(r.request().postData() ?? ''), {
          timeout: 90_000,
        });
        await page.goto(`${app.server.url}/graphql`);
        await page.locator('.graphiql-container').waitFor({ timeout: 90_000 });
        expect((await introspection).status()).toBe(200);
        await page.getByText('mutation Login').first().waitFor();

        // Replace the first tab's text with a query of our own and run it.
        // (through CodeMirror's own API: typing would meet its auto-closed brackets and completions)
        await page.locator('.graphiql-query-editor .CodeMirror').first().evaluate((element) => {
          (element as unknown as { CodeMirror: { setValue(text: string): void } }).CodeMirror.setValue('query Typename { __typename }');
        });
        // GraphiQL takes the editor's text in after a short debounce: run until our query goes out.
        let answer: { data?: unknown } | undefined;
        for (let attempt = 0; attempt < 20 && !answer; attempt++) {
          await page.waitForTimeout(250);
          const sent = page.waitForResponse((r) => r.url().endsWith('/graphql') && /Typename/.test(r.request().postData() ?? ''), { timeout: 2_000 });
          await page.keyboard.press('Escape'); // closes an operation picker a run of the old text may have opened
          await page.locator('.graphiql-execute-button').click();
          answer = await sent.then((r) => r.json()).catch(() => undefined);
        }
        expect(answer).toEqual({ data: { __typename: 'Query' } });
        await page.locator('.graphiql-response').getByText('"Query"').waitFor();

        expect(foreign).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    150_000,
  );
});

describe('GET /graphql in production', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => app?.stop());

  it('offers no explorer: the page and its assets are not there', async () => {
    const response = await fetch(`${app.server.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(await response.text()).not.toMatch(/graphiql|explorer/i);
    expect(response.headers.get('content-type') ?? '').not.toMatch(/^text\/html/);
    expect((await fetch(`${app.server.url}${EXPLORER_ASSETS}/explorer.js`)).status).toBe(404);
  });
});
