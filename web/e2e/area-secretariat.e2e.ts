import { expectAccessible, journey, login, onNarrowScreen, screenshot } from './helpers/browser.js';

/** An area secretariat's coordinator: its plans side by side, then a plan with warnings, read only. */
describe('area secretariat (omraade@planspor.demo, Områdesekretariat Aarhus Vest)', () => {
  const j = journey();

  it('lands on its area page: its two plans side by side with their figures and traffic lights', async () => {
    const { page } = j.tab;
    await page.goto(j.app.url);
    await login(page, 'omraade@planspor.demo', 'demo-omraade-2026');
    await page.waitForURL(/\/omraader\/[0-9a-f-]{36}$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Områdesekretariat Aarhus Vest');
    const table = page.getByRole('table', { name: 'Planer' });
    const rows = table.locator('tbody > tr');
    expect(await rows.count()).toBe(2);
    // Hand-checked in src/demo/demo-story.md: plan 1 61.14 %, 6 000 000 / 3 308 500; plan 2 36.80 %, 5 100 000 / 2 370 000.
    const plan1 = rows.filter({ hasText: 'Hasselhøj' });
    const plan2 = rows.filter({ hasText: 'Lærkehaven' });
    await expect(plan1.getByRole('progressbar').getAttribute('aria-valuetext')).resolves.toBe('61,1 %');
    await expect(plan1.textContent()).resolves.toContain('6.000.000 kr.3.308.500 kr.');
    await expect(plan2.getByRole('progressbar').getAttribute('aria-valuetext')).resolves.toBe('36,8 %');
    await expect(plan2.textContent()).resolves.toContain('5.100.000 kr.2.370.000 kr.');
    await expect(plan1.locator('.light').textContent()).resolves.toBe('I orden');
    await expect(plan2.locator('.light').textContent()).resolves.toBe('Kræver opmærksomhed');
    // Plan 2's warnings: a stale activity, a goal nobody serves, a goal without indicators = 3.
    await expect(plan2.locator('td').nth(5).textContent()).resolves.toBe('3');
    // Late annual reports: plan 1 none; plan 2's open report of last year from 1 July (demo-story.md).
    const today = new Date().toISOString().slice(0, 10);
    await expect(plan1.locator('td').nth(6).textContent()).resolves.toBe('0');
    await expect(plan2.locator('td').nth(6).textContent()).resolves.toBe(today > `${today.slice(0, 4)}-06-30` ? '1' : '0');
    // The totals over both plans: 12 activities, 51.0 %.
    const totals = page.getByRole('definition');
    await expect(totals.nth(1).textContent()).resolves.toBe('12');
    // The roll-up's attention reasons for plan 2, in the API's order, with their counts.
    await expect(page.locator('section[aria-labelledby="opmaerksomhed"]').textContent()).resolves.toMatch(
      /Lærkehaven.*: 1 mål uden aktiviteter, 1 mål uden indikatorer, 1 aktivitet uden ny status, indikatorer der er bagud/,
    );
    await expectAccessible(page, 'the area page');
    await screenshot(page, 'area-page');
  });

  it('sorts the plans by progress', async () => {
    const { page } = j.tab;
    const table = page.getByRole('table', { name: 'Planer' });
    await table.getByRole('button', { name: /^Fremdrift/ }).click();
    expect(await table.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    expect(await table.locator('tbody > tr > th').allTextContents()).toEqual([
      expect.stringContaining('Hasselhøj'),
      expect.stringContaining('Lærkehaven'),
    ]);
    await table.getByRole('button', { name: /^Fremdrift/ }).click();
    expect(await table.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    expect(await table.locator('tbody > tr > th').first().textContent()).toContain('Lærkehaven');
  });

  it('reads the coordination: late reports, the overlap, the shared indicator, who does what, the notes by plan', async () => {
    const { page } = j.tab;
    const h2 = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(h2).toEqual(['Planer', 'Planer der kræver opmærksomhed', 'Forsinkede årsrapporter', 'Overlap', 'Fælles indikatorer', 'Ansvarlige parter', 'Koordineringsnoter']);
    // demo-story.md, "Coordination in Områdesekretariat Aarhus Vest": one overlap of type Mentorordning for Unge 13-17 år.
    const overlaps = page.locator('section[aria-labelledby="overlap"] li.overlap');
    expect(await overlaps.count()).toBe(1);
    await expect(overlaps.first().textContent()).resolves.toMatch(/^Mentorordning for Unge 13-17 år: .* \(\d+ dage\)/);
    expect(await overlaps.first().getByRole('link').allTextContents()).toEqual(
      expect.arrayContaining(['Brobygning til ungdomsuddannelse', 'Mentorordning for kriminalitetstruede unge']),
    );
    const shared = page.getByRole('table', { name: /Beboere der føler sig trygge i området/ });
    expect(await shared.locator('tbody > tr').count()).toBe(2);
    expect(await shared.locator('.badge').allTextContents()).toEqual(['På sporet', 'På sporet']);
    // 12 activities: 4 each for the housing organisation, the municipality and jointly; the municipality's progress 53.5 %.
    const parties = page.getByRole('table', { name: 'Områdets fordeling på ansvarlige parter' });
    expect(await parties.locator('tbody > tr > th').allTextContents()).toEqual(['Boligorganisationen', 'Kommunen', 'Fælles']);
    expect(await parties.locator('tbody > tr > td:nth-child(2)').allTextContents()).toEqual(['4', '4', '4']);
    await expect(parties.locator('tbody > tr', { hasText: 'Kommunen' }).textContent()).resolves.toContain('53,5 %');
    // Five notes: two on plan 1, three on plan 2, newest first.
    const notes = page.locator('section[aria-labelledby="noter"] .note__text');
    expect(await notes.count()).toBe(5);
    await expect(notes.first().textContent()).resolves.toMatch(/^Fælles indikator/);
    await expectAccessible(page, 'the area page’s coordination');
  });

  it('adds a coordination note: an empty one is refused beside "Ny note"; a written one shows under its plan and on the plan page', async () => {
    const { page } = j.tab;
    const form = page.getByRole('form', { name: 'Ny koordineringsnote' });
    const plan1 = (await form.getByLabel('Plan').locator('option', { hasText: 'Hasselhøj' }).textContent())!;
    await form.getByLabel('Plan').selectOption({ label: plan1 });
    await form.getByRole('button', { name: 'Tilføj note' }).click();
    await form.getByText('Skal udfyldes.').waitFor();
    expect(await form.getByLabel('Ny note').getAttribute('aria-invalid')).toBe('true');
    const text = 'Aftalt med begge sekretariater: fælles mentorkorps fra januar.';
    await form.getByLabel('Ny note').fill(text);
    await form.getByRole('button', { name: 'Tilføj note' }).click();
    await page.getByRole('status').filter({ hasText: 'Noten er tilføjet.' }).waitFor();
    expect(await form.getByLabel('Ny note').inputValue()).toBe('');
    const notes = page.locator('section[aria-labelledby="noter"] .note__text');
    // The area's query runs again (the mutation returned a CoordinationNote): the new note comes first.
    await notes.filter({ hasText: text }).waitFor();
    await expect(notes.first().textContent()).resolves.toBe(text);
    expect(await notes.count()).toBe(6);
    await screenshot(page, 'area-page-coordination');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

    await page.getByRole('table', { name: 'Planer' }).getByRole('link', { name: /Hasselhøj/ }).click();
    const coordination = page.locator('section[aria-labelledby="koordinering"]');
    await coordination.locator('.note__text').first().waitFor();
    await expect(coordination.locator('.note__text').first().textContent()).resolves.toBe(text);
    // Notes are written on the area page; the plan page only reads them.
    expect(await page.getByRole('button').allTextContents()).toEqual(['Log ud']);
    await page.goBack();
    await page.getByRole('table', { name: 'Planer' }).waitFor();
  });

  it('opens a plan with warnings: the warnings come first and link to their objects; nothing to edit', async () => {
    const { page } = j.tab;
    await page.getByRole('link', { name: /Lærkehaven/ }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Advarsler' }).waitFor();
    const warnings = page.locator('section[aria-labelledby="advarsler"]');
    await warnings.getByText('Aktiviteter uden ny statusregistrering').waitFor();
    await warnings.getByRole('link', { name: 'Gadeplansmedarbejdere aften og weekend' }).waitFor();
    await warnings.getByRole('link', { name: 'Nye beboere bydes velkommen og kender områdets tilbud' }).waitFor();
    await warnings.getByRole('link', { name: 'Flere kvinder uden for arbejdsmarkedet kommer tættere på job' }).waitFor();
    await warnings.getByRole('link', { name: 'Unge 15-25 år fra området sigtet for overtrædelse af straffeloven' }).waitFor();
    expect(await page.locator('.badge', { hasText: 'Bagud' }).count()).toBe(1);
    expect(await page.locator('.badge', { hasText: 'Ingen data' }).count()).toBe(1);
    expect(await page.locator('.badge', { hasText: 'Mangler status' }).count()).toBe(1);
    // Its milestone due 20 days ago and not completed is overdue; its open report of last year is late from 1 July.
    await page.locator('.milestone').first().waitFor();
    await expect(page.locator('.milestone', { has: page.locator('.badge', { hasText: 'Overskredet' }) }).textContent()).resolves.toContain('Koordinator for fællesspisningen ansat');
    // Focus moved to the new page's heading, as a page load would put it.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.getByRole('button').allTextContents()).toEqual(['Log ud']);
    await expectAccessible(page, 'a plan page with warnings');
    await screenshot(page, 'plan-page-warnings');
    // The link in a warning leads to the stale activity's row.
    await warnings.getByRole('link', { name: 'Gadeplansmedarbejdere aften og weekend' }).click();
    expect(new URL(page.url()).hash).toMatch(/^#aktivitet-/);
  });

  it('the area page works at 360 px', async () => {
    await onNarrowScreen(j, { path: '/', email: 'omraade@planspor.demo', password: 'demo-omraade-2026', screenshot: 'area-page-360px' }, async (page) => {
      await page.getByRole('table', { name: 'Planer' }).waitFor();
    });
  });
});
