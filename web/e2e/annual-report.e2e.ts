import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expectAccessible, journey, login, onNarrowScreen, openPage, screenshot, type GuardedPage } from './helpers/browser.js';
import { demoPlans } from './helpers/fresh-app.js';

/**
 * The annual report's cycle across two roles on a fresh demo database (src/demo/demo-story.md, "Annual
 * reporting"): plan 1's report of last year is SUBMITTED. LBF sends it back (the comment is required),
 * the project secretariat submits it again with comments, LBF approves it; each sees only its own buttons.
 */
describe('annual report: LBF returns, the project secretariat resubmits, LBF approves', () => {
  const j = journey();
  let secretariat: GuardedPage;
  let reportPath: string;
  const year = new Date().getFullYear() - 1;

  beforeAll(async () => {
    const plan1 = (await demoPlans(j.app.url)).find((p) => p.title.startsWith('Boligsocial helhedsplan for Hasselhøj'))!;
    reportPath = `/planer/${plan1.id}/aarsrapporter/${year}`;
    secretariat = await openPage(j.browser, j.app.url);
  });
  afterAll(async () => {
    await secretariat?.context.close();
  });
  afterEach(() => expect(secretariat.problems()).toEqual({ foreignRequests: [], errors: [] }));

  const status = (page: Page) => page.locator('.facts .badge').first().textContent();

  it('the plan page lists each year with its status; the report opens from it', async () => {
    const { page } = secretariat;
    await page.goto(j.app.url);
    await login(page, 'projekt@planspor.demo', 'demo-projekt-2026');
    const reports = page.getByRole('region', { name: 'Årsrapporter, tabel' });
    const rows = reports.locator('tbody > tr');
    await rows.first().waitFor();
    // Plan 1 starts in Y − 2: that year approved, last year submitted, this year and the later ones open.
    const years = await rows.locator('th').allTextContents();
    expect(years.slice(0, 3)).toEqual([`Årsrapport ${year - 1}`, `Årsrapport ${year}`, `Årsrapport ${year + 1}`]);
    expect(await rows.locator('td:nth-child(2)').allTextContents()).toEqual(['Godkendt', 'Indsendt', ...years.slice(2).map(() => 'Åben')]);
    await reports.getByRole('link', { name: `Årsrapport ${year}` }).click();
    await page.getByRole('heading', { level: 1, name: `Årsrapport ${year}` }).waitFor();
    expect(await status(page)).toBe('Indsendt');
    // Submitted: nothing for the secretariat to do, and never LBF's buttons.
    expect(await page.getByRole('button').allTextContents()).toEqual(['Log ud']);
    for (const h2 of ['Målopfyldelse', 'Aktiviteter', 'Økonomi', `Milepælsplan for ${year + 1}`, 'Historik']) {
      await page.getByRole('heading', { level: 2, name: h2, exact: true }).waitFor();
    }
    // The milestone plan of the year after, Y: plan 1's two milestones of Y (demo-story.md, "Milestones").
    expect(await page.locator('section[aria-labelledby="milepaelsplan"] li strong').allTextContents()).toEqual([
      'Midtvejsevaluering af helhedsplanen',
      'Lektiecaféen flytter i nye lokaler i Fælleshuset',
    ]);
    await expectAccessible(page, 'the annual report (project secretariat, submitted)');
    await screenshot(page, 'annual-report');
  });

  it('LBF sees "Godkend" and "Send tilbage"; sending back without a comment is refused beside the field', async () => {
    const { page } = j.tab;
    await page.goto(`${j.app.url}${reportPath}`);
    await login(page, 'lbf@planspor.demo', 'demo-lbf-2026');
    await page.getByRole('heading', { level: 1, name: `Årsrapport ${year}` }).waitFor();
    const form = page.getByRole('form', { name: `Behandl årsrapporten for ${year}` });
    expect(await form.getByRole('button').allTextContents()).toEqual(['Godkend', 'Send tilbage']);
    await form.getByRole('button', { name: 'Send tilbage' }).click();
    await form.getByText('Skal udfyldes.').waitFor();
    expect(await form.getByLabel('Kommentar').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the annual report with a refused return');
    await form.getByLabel('Kommentar').fill('Tilføj en kommentar til tryghedsmålingen, og indsend igen.');
    await form.getByRole('button', { name: 'Send tilbage' }).click();
    await page.waitForFunction(() => document.querySelector('.facts .badge')?.textContent === 'Sendt tilbage');
    const history = page.locator('section[aria-labelledby="historik"] li');
    await expect(history.last().textContent()).resolves.toMatch(/^Sendt tilbage .* af .*Tilføj en kommentar til tryghedsmålingen/);
    // Returned: LBF has nothing more to do with it until it comes back.
    expect(await page.getByRole('button').allTextContents()).toEqual(['Log ud']);
  });

  it('the secretariat submits it again with a comment on the report and one on an indicator', async () => {
    const { page } = secretariat;
    await page.reload();
    const form = page.getByRole('form', { name: `Indsend årsrapporten for ${year}` });
    await form.waitFor();
    expect(await page.getByRole('button', { name: 'Godkend' }).count()).toBe(0);
    await form.getByLabel('Kommentar', { exact: true }).fill('Rettet efter LBF’s bemærkning.');
    await form.getByLabel('Kommentar til Beboere der føler sig trygge i området').fill('Målt ved beboerundersøgelsen i efteråret.');
    await expectAccessible(page, 'the annual report with its submit form');
    await screenshot(page, 'annual-report-submit');
    await form.getByRole('button', { name: 'Indsend' }).click();
    await page.waitForFunction(() => document.querySelector('.facts .badge')?.textContent === 'Indsendt');
    await form.waitFor({ state: 'detached' });
    await expect(page.locator('section[aria-labelledby="kommentar"]').textContent()).resolves.toContain('Rettet efter LBF’s bemærkning.');
    const row = page.getByRole('region', { name: 'Målopfyldelse, tabel' }).locator('tr', { hasText: 'Beboere der føler sig trygge i området' });
    await expect(row.textContent()).resolves.toContain('Målt ved beboerundersøgelsen i efteråret.');
  });

  it('LBF approves it; the history shows the whole cycle', async () => {
    const { page } = j.tab;
    await page.reload();
    const form = page.getByRole('form', { name: `Behandl årsrapporten for ${year}` });
    await form.getByRole('button', { name: 'Godkend' }).click();
    await page.waitForFunction(() => document.querySelector('.facts .badge')?.textContent === 'Godkendt');
    const actions = (await page.locator('section[aria-labelledby="historik"] li > strong').allTextContents());
    expect(actions.slice(-3)).toEqual(['Sendt tilbage', 'Indsendt', 'Godkendt']);
    // Approved, it can still be sent back (LBF reopens a year that way), but not approved again.
    expect(await form.getByRole('button').allTextContents()).toEqual(['Send tilbage']);
    await expectAccessible(page, 'the approved annual report (LBF)');
    await screenshot(page, 'annual-report-lbf');
  });

  it('"Download Excel" fetches the report workbook with the token', async () => {
    const { page } = j.tab;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // an .xlsx is a zip
  });

  it('the national page lists the late reports: plan 3’s returned first year among them', async () => {
    const { page } = j.tab;
    await page.goto(`${j.app.url}/national`);
    const late = page.locator('section[aria-labelledby="forsinkede"]');
    await late.getByRole('heading', { level: 2, name: 'Forsinkede årsrapporter' }).waitFor();
    const items = await late.getByRole('listitem').allTextContents();
    expect(items[0]).toMatch(/^Boligsocial helhedsplan for Kongshøj Vænge.*: årsrapport \d{4} \(sendt tilbage, frist /);
    expect(items.some((t) => t.includes('Hasselhøj'))).toBe(false);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  });

  it('the annual report works at 360 px', async () => {
    await onNarrowScreen(j, { path: reportPath, email: 'lbf@planspor.demo', password: 'demo-lbf-2026', screenshot: 'annual-report-360px' }, async (page) => {
      await page.getByRole('heading', { level: 2, name: 'Historik' }).waitFor();
    });
  });

});
