import { expectAccessible, journey, login, screenshot } from './helpers/browser.js';
import { demoPlans } from './helpers/fresh-app.js';

/** A board member reads its plan: everything the secretariat sees, and not one button to change it. */
describe('board member (bestyrelse@planspor.demo, reads plan 1)', () => {
  const j = journey();
  let plans: Array<{ id: string; title: string }>;

  beforeAll(async () => {
    plans = await demoPlans(j.app.url);
  });

  it('lands on its plan and reads it, with no edit buttons', async () => {
    const { page } = j.tab;
    await page.goto(j.app.url);
    await login(page, 'bestyrelse@planspor.demo', 'demo-bestyrelse-2026');
    const plan1 = plans.find((p) => p.title.startsWith('Boligsocial helhedsplan for Hasselhøj og Engvangen'))!;
    await page.waitForURL(`${j.app.url}/planer/${plan1.id}`);
    await page.getByRole('heading', { level: 2, name: 'Aktiviteter' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(plan1.title);
    expect(await page.locator('.badge', { hasText: 'På sporet' }).count()).toBe(7);
    expect(await page.getByRole('region', { name: 'Aktiviteter' }).locator('tbody > tr').count()).toBe(8);
    // The only button on the page is "Log ud": no "Registrér status", "Nyt mål", "Ny indikator", …
    expect(await page.getByRole('button').allTextContents()).toEqual(['Log ud']);
    await expectAccessible(page, 'the plan page (reader)');
    await screenshot(page, 'plan-page-board-member');
  });

  it('reads an annual report: the tables and the history, and no button to submit or approve it', async () => {
    const { page } = j.tab;
    const year = new Date().getFullYear() - 2;
    await page.getByRole('region', { name: 'Årsrapporter, tabel' }).getByRole('link', { name: `Årsrapport ${year}` }).click();
    await page.getByRole('heading', { level: 1, name: `Årsrapport ${year}` }).waitFor();
    await expect(page.locator('.facts .badge').first().textContent()).resolves.toBe('Godkendt');
    expect(await page.locator('section[aria-labelledby="historik"] li > strong').allTextContents()).toEqual(expect.arrayContaining(['Indsendt', 'Godkendt']));
    expect(await page.getByRole('button').allTextContents()).toEqual(['Log ud']);
    expect(await page.getByRole('form').count()).toBe(0);
    await expectAccessible(page, 'an annual report (reader)');
    await page.getByRole('link', { name: /^Boligsocial helhedsplan for Hasselhøj/ }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Koordinering' }).waitFor();
  });

  it('another plan, typed into the address bar, is "not found" (the API answers NOT_FOUND)', async () => {
    const { page } = j.tab;
    const plan2 = plans.find((p) => p.title.startsWith('Helhedsplan Lærkehaven'))!;
    await page.goto(`${j.app.url}/planer/${plan2.id}`);
    await page.getByRole('heading', { level: 1, name: 'Siden findes ikke' }).waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Det findes ikke, eller du har ikke adgang til det.');
    expect(await page.content()).not.toContain('Lærkehaven');
    await expectAccessible(page, 'the not-found page');
    // The menu leads back to its own plan.
    await page.getByRole('link', { name: 'Min plan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Advarsler' }).waitFor();
  });
});
