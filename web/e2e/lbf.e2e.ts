import { expectAccessible, journey, login, onNarrowScreen, screenshot } from './helpers/browser.js';

/** LBF's consultant: the national page, its chart with a text alternative, the table sorted and filtered. */
describe('LBF (lbf@planspor.demo, the national page)', () => {
  const j = journey();

  const planNames = async () => (await j.tab.page.getByRole('table', { name: 'Planer' }).locator('tbody > tr > th').allTextContents()).map((t) => t.replace(/ \d{4}-\d{4}$/, ''));

  it('lands on the national page with the totals', async () => {
    const { page } = j.tab;
    await page.goto(j.app.url);
    await login(page, 'lbf@planspor.demo', 'demo-lbf-2026');
    await page.waitForURL(`${j.app.url}/national`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Nationalt overblik');
    const totals = page.locator('dl[aria-label="Alle planer i alt"]');
    // src/demo/demo-story.md: 3 plans, 17 activities, 52.71 %, budget 14 250 000, spent 7 598 500;
    // grants 4.4 + 5.0 + 4.0 million, co-financing 1.7 + 1.9 + 0.9 million.
    expect(await totals.locator('dd').allTextContents()).toEqual([
      '3',
      '17',
      '52,7 %',
      '13.400.000 kr.',
      '4.500.000 kr.',
      '14.250.000 kr.',
      '7.598.500 kr.',
    ]);
  });

  it('shows progress by focus area as a chart with the same figures as a table', async () => {
    const { page } = j.tab;
    const figure = page.getByRole('figure', { name: /Fremdrift pr\. indsatsområde/ });
    await figure.locator('.recharts-bar-rectangle').first().waitFor();
    // The drawing is hidden from screen readers; the table beside it is its text alternative.
    expect(await figure.locator('.chart__canvas').getAttribute('aria-hidden')).toBe('true');
    const table = figure.getByRole('table', { name: 'Fremdrift pr. indsatsområde som tabel' });
    const rows = await table.locator('tbody > tr').count();
    expect(rows).toBeGreaterThan(0);
    expect(await figure.locator('.recharts-bar-rectangle').count()).toBe(rows);
    // The activities without a focus area close the table, so that its rows add up to the totals: none in the demo.
    await expect(table.locator('tfoot > tr').textContent()).resolves.toBe('Uden indsatsområde–00 kr.ingen data');
    await expectAccessible(page, 'the national page');
    await screenshot(page, 'national');
  });

  it('lists every plan with a traffic light, sorted by any column', async () => {
    const { page } = j.tab;
    const table = page.getByRole('table', { name: 'Planer' });
    expect(await planNames()).toEqual([
      'Boligsocial helhedsplan for Hasselhøj og Engvangen',
      'Boligsocial helhedsplan for Kongshøj Vænge',
      'Helhedsplan Lærkehaven – tryghed og fællesskab',
    ]);
    expect(await table.locator('.light').allTextContents()).toEqual(['I orden', 'Kræver opmærksomhed', 'Kræver opmærksomhed']);
    // By progress, largest first: plan 1 61.14 %, plan 3 56.80 %, plan 2 36.80 %.
    await table.getByRole('button', { name: /^Fremdrift/ }).click();
    expect(await table.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    expect(await planNames()).toEqual([
      'Boligsocial helhedsplan for Hasselhøj og Engvangen',
      'Boligsocial helhedsplan for Kongshøj Vænge',
      'Helhedsplan Lærkehaven – tryghed og fællesskab',
    ]);
    // By budget: plan 1 6 000 000, plan 2 5 100 000, plan 3 3 150 000.
    await table.getByRole('button', { name: /^Budget/ }).click();
    expect(await planNames()).toEqual([
      'Boligsocial helhedsplan for Hasselhøj og Engvangen',
      'Helhedsplan Lærkehaven – tryghed og fællesskab',
      'Boligsocial helhedsplan for Kongshøj Vænge',
    ]);
    await table.getByRole('button', { name: /^Budget/ }).click();
    expect(await table.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    expect((await planNames())[0]).toBe('Boligsocial helhedsplan for Kongshøj Vænge');
    // By traffic light, the plans needing attention first (ties by title).
    await table.getByRole('button', { name: /^Trafiklys/ }).click();
    expect(await table.locator('.light').allTextContents()).toEqual(['Kræver opmærksomhed', 'Kræver opmærksomhed', 'I orden']);
  });

  it('filters by pool and by municipality', async () => {
    const { page } = j.tab;
    await page.getByLabel('Kommune').selectOption({ label: 'København' });
    expect(await planNames()).toEqual(['Boligsocial helhedsplan for Kongshøj Vænge']);
    await page.getByRole('status').filter({ hasText: 'Viser 1 af 3 planer' }).waitFor();
    await page.getByLabel('Kommune').selectOption({ label: 'Aarhus' });
    expect((await planNames()).sort()).toEqual(['Boligsocial helhedsplan for Hasselhøj og Engvangen', 'Helhedsplan Lærkehaven – tryghed og fællesskab']);
    await page.getByLabel('Kun planer der kræver opmærksomhed').check();
    expect(await planNames()).toEqual(['Helhedsplan Lærkehaven – tryghed og fællesskab']);
    await page.getByLabel('Kun planer der kræver opmærksomhed').uncheck();
    await page.getByLabel('Kommune').selectOption({ label: 'Alle kommuner' });
    const pools = await page.getByLabel('Pulje').locator('option').allTextContents();
    expect(pools[0]).toBe('Alle puljer');
    for (const pool of pools.slice(1)) {
      await page.getByLabel('Pulje').selectOption({ label: pool });
      const shown = await planNames();
      expect(shown.length).toBeGreaterThan(0);
      for (const name of await page.getByRole('table', { name: 'Planer' }).locator('tbody > tr > td:nth-child(3)').allTextContents()) expect(name).toBe(pool);
    }
    await page.getByLabel('Pulje').selectOption({ label: 'Alle puljer' });
    expect(await planNames()).toHaveLength(3);
    await expectAccessible(page, 'the national page, filtered');
  });

  it('names the plans needing attention, with why', async () => {
    const { page } = j.tab;
    const section = page.locator('section[aria-labelledby="opmaerksomhed"]');
    expect(await section.getByRole('heading', { level: 2 }).textContent()).toBe('Planer der kræver opmærksomhed');
    const items = await section.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(2);
    // Plan 3: Kulturnat serves no goal, 900 000 of 4 900 000 is below 25 %, one activity spent over its
    // budget, and its first annual report was returned and never resubmitted: late whatever the day.
    expect(items.find((t) => t.includes('Kongshøj'))).toMatch(
      /: 1 aktivitet uden mål, medfinansiering under puljens minimum, 1 aktivitet med forbrug over budget, forsinkede årsrapporter$/,
    );
    // Plan 2's report of last year is open: late from 1 July (demo-story.md, "Annual reporting").
    const today = new Date().toISOString().slice(0, 10);
    const plan2Late = today > `${today.slice(0, 4)}-06-30` ? ', forsinkede årsrapporter' : '';
    expect(items.find((t) => t.includes('Lærkehaven'))).toMatch(new RegExp(`1 aktivitet uden ny status, indikatorer der er bagud${plan2Late}$`));
  });

  it('reads a plan without edit buttons (LBF does not edit plan content)', async () => {
    const { page } = j.tab;
    await page.getByRole('table', { name: 'Planer' }).getByRole('link', { name: /Kongshøj Vænge/ }).click();
    const warnings = page.locator('section[aria-labelledby="advarsler"]');
    await warnings.getByText('Medfinansieringen er under puljens minimum').waitFor();
    await expect(warnings.textContent()).resolves.toContain('18,4 %'); // 900 000 / 4 900 000
    expect(await page.locator('.badge', { hasText: 'Ingen baseline' }).count()).toBe(1);
    expect(await page.getByRole('button').allTextContents()).toEqual(['Log ud']);
    await expectAccessible(page, 'plan 3 as LBF');
  });

  it('the national page works at 360 px', async () => {
    await onNarrowScreen(j, { path: '/national', email: 'lbf@planspor.demo', password: 'demo-lbf-2026', screenshot: 'national-360px' }, async (page) => {
      await page.getByRole('figure').locator('.recharts-bar-rectangle').first().waitFor();
      await page.getByRole('table', { name: 'Planer' }).waitFor();
    });
  });
});
