import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type FreshApp, startFreshApp } from './fresh-app.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const SCREENSHOTS = join(process.cwd(), 'docs', 'screenshots');

/** Debian's chromium (apt-get install chromium), headless; CHROMIUM_PATH points elsewhere if needed. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // Root in CI has no user namespaces for Chromium's sandbox.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--font-render-hinting=none'],
  });
}

export interface GuardedPage {
  context: BrowserContext;
  page: Page;
  /** Every request to another host (each is aborted), and every error the page logged or threw. */
  problems(): { foreignRequests: string[]; errors: string[] };
}

/**
 * A page on its own context (no shared storage) that refuses every request leaving the app's
 * origin: the app must work on a closed network, so a single such request fails the test.
 */
export async function openPage(browser: Browser, appUrl: string, viewport = { width: 1280, height: 900 }): Promise<GuardedPage> {
  const context = await browser.newContext({ viewport, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  const origin = new URL(appUrl).origin;
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin !== origin) {
      foreignRequests.push(url);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A failed GraphQL answer the test provokes on purpose (e.g. a wrong password) is not an error of the page.
    if (/Failed to load resource: the server responded with a status of (400|401|404|429)/.test(message.text())) return;
    errors.push(`console: ${message.text()}`);
  });
  return { context, page, problems: () => ({ foreignRequests: [...foreignRequests], errors: [...errors] }) };
}

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>;
}

/** axe-core on the page as it is now: no violation of impact "serious" or "critical" (WCAG 2.1 A/AA and best practice). */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const result = await page.evaluate(
    async ([source]) => {
      if (!(window as unknown as { axe?: unknown }).axe) (0, eval)(source as string);
      const axe = (window as unknown as { axe: { run(ctx: unknown, options: unknown): Promise<unknown> } }).axe;
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    },
    [AXE_SOURCE],
  ) as AxeResult;
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length) {
    const report = serious
      .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `   ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`)
      .join('\n');
    throw new Error(`axe-core on ${where}:\n${report}`);
  }
}

/** A screenshot for docs/screenshots/ (committed; the README shows them). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage, animations: 'disabled' });
}

/** Nothing wider than the window: at 360 px the page must not scroll sideways (tables scroll inside their region). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  if (scrollWidth > innerWidth) throw new Error(`the page is ${scrollWidth} px wide in a ${innerWidth} px window`);
}

export async function login(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('button', { name: 'Log ud' }).waitFor();
}

export interface Journey {
  readonly app: FreshApp;
  readonly browser: Browser;
  /** The journey's page: one context, so one session, through all of its steps. */
  readonly tab: GuardedPage;
}

/**
 * The frame of every journey: a fresh app on its own demo database and a browser, started before the
 * first step and stopped after the last; after every step, no request to another host and no script error.
 */
export function journey(): Journey {
  const state = {} as { app: FreshApp; browser: Browser; tab: GuardedPage };
  beforeAll(async () => {
    [state.app, state.browser] = await Promise.all([startFreshApp(), launchBrowser()]);
    state.tab = await openPage(state.browser, state.app.url);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.app?.stop();
  });
  afterEach(() => expect(state.tab.problems()).toEqual({ foreignRequests: [], errors: [] }));
  return state;
}

/**
 * The same person on a 360 px wide phone (a context of its own, so it signs in again at `path`):
 * `ready` waits for the page, then nothing may scroll sideways and axe-core must pass; a screenshot is kept.
 */
export async function onNarrowScreen(
  j: Journey,
  how: { path: string; email: string; password: string; screenshot: string },
  ready: (page: Page) => Promise<unknown>,
): Promise<void> {
  const narrow = await openPage(j.browser, j.app.url, { width: 360, height: 780 });
  try {
    await narrow.page.goto(`${j.app.url}${how.path}`);
    await login(narrow.page, how.email, how.password);
    await ready(narrow.page);
    await expectNoHorizontalScroll(narrow.page);
    await expectAccessible(narrow.page, `${how.screenshot} at 360 px`);
    await screenshot(narrow.page, how.screenshot);
    expect(narrow.problems()).toEqual({ foreignRequests: [], errors: [] });
  } finally {
    await narrow.context.close();
  }
}
