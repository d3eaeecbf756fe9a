import { expectAccessible, journey, login, onNarrowScreen, screenshot } from './helpers/browser.js';
import { tokenOf } from './helpers/fresh-app.js';

/**
 * A project secretariat's week on a fresh demo database: signs in (after one wrong password), reads
 * its plan, logs progress (the API's refusal shown beside the field first), records a measurement,
 * builds a goal with an indicator and an activity linked to it, and signs out.
 */
describe('project secretariat (projekt@planspor.demo, plan 1)', () => {
  const j = journey();

  it('shows the login form in Danish, refuses a wrong password with an alert, then signs in to its plan', async () => {
    const { page } = j.tab;
    await page.goto(j.app.url);
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
    await expectAccessible(page, 'the login page');
    await screenshot(page, 'login');

    await page.getByLabel('E-mail').fill('projekt@planspor.demo');
    await page.getByLabel('Adgangskode').fill('forkert-kode');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Forkert e-mail eller adgangskode.');
    // What was typed stays: only the password is typed again.
    expect(await page.getByLabel('E-mail').inputValue()).toBe('projekt@planspor.demo');
    await expectAccessible(page, 'the login page with its alert');

    await login(page, 'projekt@planspor.demo', 'demo-projekt-2026');
    await page.waitForURL(/\/planer\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/^Boligsocial helhedsplan for Hasselhøj og Engvangen/);
  });

  it('reads its plan: warnings first, the goal tree with badges, the activities table', async () => {
    const { page } = j.tab;
    const h2 = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(h2).toEqual(['Advarsler', 'Mål', 'Aktiviteter', 'Årsrapporter', 'Koordinering', 'Import fra regneark']);
    // Plan 1 is the demo's healthy plan: no warning, all 7 indicators on track.
    await expect(page.locator('section[aria-labelledby="advarsler"]').textContent()).resolves.toContain('Ingen advarsler');
    expect(await page.locator('.badge', { hasText: 'På sporet' }).count()).toBe(7);
    expect(await page.locator('.badge', { hasText: 'Bagud' }).count()).toBe(0);
    // 8 activities, the cancelled one among them; every row but the cancelled one can log progress.
    const rows = page.getByRole('region', { name: 'Aktiviteter' }).locator('tbody > tr');
    expect(await rows.count()).toBe(8);
    expect(await page.getByRole('button', { name: 'Registrér status' }).count()).toBe(7);
    const lektiecafe = rows.filter({ hasText: 'Lektiecafé i Fælleshuset' });
    // Its latest entry: 52 %, 610 000 kr. spent of a 1 200 000 kr. budget (src/demo/demo-data.ts).
    await expect(lektiecafe.textContent()).resolves.toContain('610.000 af 1.200.000 kr.');
    await expect(lektiecafe.getByRole('progressbar').getAttribute('aria-valuetext')).resolves.toBe('52,0 %');
    await expect(lektiecafe.locator('.sparkline').getAttribute('aria-label')).resolves.toMatch(/^Fremdrift over tid: 5 statusregistreringer, fra 8 % den .* til 52 % den /);
    await page.locator('.sparkline svg').first().waitFor();
    await expectAccessible(page, 'the plan page (editor)');
    await screenshot(page, 'plan-page-editor');
  });

  it('logs progress: the API refuses 150 % beside the field, keeps what was typed, then saves and updates the row in place', async () => {
    const { page } = j.tab;
    // A marker that a reload would wipe: the row must change without one.
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    const row = page.getByRole('region', { name: 'Aktiviteter' }).locator('tbody > tr').filter({ hasText: 'Lektiecafé i Fælleshuset' });
    await row.getByRole('button', { name: 'Registrér status' }).click();
    const form = page.getByRole('form', { name: 'Registrér status for Lektiecafé i Fælleshuset' });
    for (const label of ['Dato', 'Procent gennemført', 'Status', 'Deltagere', 'Forbrug (kr.)', 'Note']) {
      await form.getByLabel(label, { exact: true }).waitFor();
    }
    await form.getByLabel('Procent gennemført').fill('150');
    await form.getByLabel('Deltagere').fill('46');
    await form.getByLabel('Forbrug (kr.)').fill('680.000');
    await form.getByLabel('Note').fill('Ny læsegruppe for 3. klasse.');
    await form.getByRole('button', { name: 'Gem' }).click();

    const percent = form.getByLabel('Procent gennemført');
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
    expect(await percent.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await percent.getAttribute('aria-describedby'))!.split(' ');
    const message = await page.locator(`[id="${describedBy.at(-1)}"]`).textContent();
    expect(message).toBe('Skal være et helt tal fra 0 til 100.');
    expect(await form.getByLabel('Note').inputValue()).toBe('Ny læsegruppe for 3. klasse.');
    expect(await form.getByLabel('Forbrug (kr.)').inputValue()).toBe('680.000');
    await expectAccessible(page, 'the progress form with an error');
    await screenshot(page, 'log-progress-error', false);

    await percent.fill('60');
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.waitFor({ state: 'detached' });
    await row.getByRole('progressbar').and(page.locator('[aria-valuetext="60,0 %"]')).waitFor();
    await expect(row.textContent()).resolves.toContain('680.000 af 1.200.000 kr.');
    await expect(row.textContent()).resolves.toContain(': 60 %');
    await expect(row.locator('.sparkline').getAttribute('aria-label')).resolves.toContain('6 statusregistreringer');
    await page.getByRole('status').filter({ hasText: 'Status registreret for Lektiecafé i Fælleshuset: 60 % gennemført.' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  it('records a measurement on an indicator', async () => {
    const { page } = j.tab;
    const row = page.locator('tr', { hasText: 'Børn der kommer fast i lektiecaféen' });
    await row.getByRole('button', { name: 'Registrér måling' }).click();
    const form = page.getByRole('form', { name: 'Registrér måling for Børn der kommer fast i lektiecaféen' });
    await form.getByLabel('Værdi (børn pr. uge)').fill('abc');
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.getByText('Skal være et tal.').waitFor();
    await form.getByLabel('Værdi (børn pr. uge)').fill('36');
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.waitFor({ state: 'detached' });
    await row.getByRole('cell', { name: /^36 \(/ }).waitFor();
  });

  it('builds the plan: a goal, its indicator, an activity, and the link between them, with the warnings following each step', async () => {
    const { page } = j.tab;
    const warnings = page.locator('section[aria-labelledby="advarsler"]');
    const goalTitle = 'Flere forældre deltager i skolesamarbejdet';
    await page.getByRole('button', { name: 'Nyt mål' }).click();
    const goalForm = page.getByRole('form', { name: 'Nyt mål' });
    await goalForm.getByLabel('Type').selectOption({ label: 'Delmål' });
    await goalForm.getByRole('button', { name: 'Gem' }).click();
    // The API: a delmål needs a parent, and the title must not be empty; each message beside its field.
    await goalForm.getByText('Skal udfyldes.').or(goalForm.getByText('Et effektmål eller delmål skal ligge under et andet mål.')).first().waitFor();
    await goalForm.getByLabel('Placeres under').selectOption({ label: '– Effektmål: Flere børn og unge gennemfører folkeskolen og begynder på en ungdomsuddannelse' });
    await goalForm.getByLabel('Titel').fill(goalTitle);
    await goalForm.getByRole('button', { name: 'Gem' }).click();
    await goalForm.waitFor({ state: 'detached' });
    const goal = page.locator('article', { has: page.getByRole('heading', { name: goalTitle }) });
    await goal.waitFor();
    expect(await goal.evaluate((el) => el.querySelector('h5') !== null)).toBe(true); // formål h3 > effektmål h4 > delmål h5
    await warnings.getByText('Mål som ingen aktivitet arbejder på').waitFor();
    await warnings.getByText('Mål uden indikatorer').waitFor();

    await goal.getByRole('button', { name: 'Ny indikator' }).click();
    const indicatorForm = page.getByRole('form', { name: `Ny indikator for ${goalTitle}` });
    await indicatorForm.getByLabel('Navn').fill('Forældre til skole-hjem-samtale');
    await indicatorForm.getByLabel('Enhed').fill('%');
    await indicatorForm.getByLabel('Baseline', { exact: true }).fill('55,5');
    await indicatorForm.getByLabel('Målværdi').fill('80');
    await indicatorForm.getByLabel('Måldato').fill('2028-06-30');
    await indicatorForm.getByRole('button', { name: 'Gem' }).click();
    await indicatorForm.waitFor({ state: 'detached' });
    const indicatorRow = goal.locator('tr', { hasText: 'Forældre til skole-hjem-samtale' });
    await expect(indicatorRow.locator('.badge').textContent()).resolves.toBe('Ingen data');
    await expect(indicatorRow.textContent()).resolves.toContain('55,5 → 80');
    await warnings.getByText('Mål uden indikatorer').waitFor({ state: 'detached' });

    const activityTitle = 'Forældremøder i opgangene';
    await page.getByRole('button', { name: 'Ny aktivitet' }).click();
    const activityForm = page.getByRole('form', { name: 'Ny aktivitet' });
    await activityForm.getByLabel('Titel').fill(activityTitle);
    // It starts in a month, so it is not stale for want of an entry (the demo's dates follow today).
    const start = isoDaysFromToday(30);
    await activityForm.getByLabel('Startdato').fill(start);
    await activityForm.getByLabel('Slutdato').fill(isoDaysFromToday(20));
    await activityForm.getByLabel('Budget (kr.)').fill('80.000');
    await activityForm.getByRole('button', { name: 'Gem' }).click();
    // The API refuses an end before the start, naming endDate: the message stands beside "Slutdato".
    const end = activityForm.getByLabel('Slutdato');
    await page.waitForFunction(() => document.querySelector('form[aria-label="Ny aktivitet"] [aria-invalid="true"]') !== null);
    expect(await end.getAttribute('aria-invalid')).toBe('true');
    expect(await activityForm.getByLabel('Titel').inputValue()).toBe(activityTitle);
    await activityForm.getByLabel('Slutdato').fill(isoDaysFromToday(300));
    await activityForm.getByRole('button', { name: 'Gem' }).click();
    await activityForm.waitFor({ state: 'detached' });
    const activityRow = page.getByRole('region', { name: 'Aktiviteter' }).locator('tbody > tr').filter({ hasText: activityTitle });
    await expect(activityRow.textContent()).resolves.toContain('0 af 80.000 kr.');
    await warnings.getByText('Aktiviteter der ikke er koblet til et mål').waitFor();

    await activityRow.getByRole('button', { name: 'Kobl til mål' }).click();
    const linkForm = page.getByRole('form', { name: `Kobl ${activityTitle} til et mål` });
    await linkForm.getByLabel('Mål', { exact: true }).selectOption({ label: `– – Delmål: ${goalTitle}` });
    await linkForm.getByLabel('Begrundelse').fill('Møderne er vejen til skolesamarbejdet.');
    await linkForm.getByRole('button', { name: 'Kobl' }).click();
    await linkForm.waitFor({ state: 'detached' });
    // Linked, the new goal is served and the activity serves a goal: the plan is healthy again.
    await warnings.getByText('Ingen advarsler').waitFor();
    await expect(activityRow.textContent()).resolves.toContain(`Mål: ${goalTitle}`);
    await expectAccessible(page, 'the plan page after building');
  });

  it('retracts the entry it just logged: the reason is required, then the row shows the figures before it', async () => {
    const { page } = j.tab;
    const row = page.getByRole('region', { name: 'Aktiviteter' }).locator('tbody > tr').filter({ hasText: 'Lektiecafé i Fælleshuset' });
    await row.getByText('Statusregistreringer', { exact: true }).click();
    const entries = page.getByRole('list', { name: 'Statusregistreringer for Lektiecafé i Fælleshuset' });
    await entries.waitFor();
    // Newest first: the 60 % of the step before.
    await expect(entries.getByRole('listitem').first().textContent()).resolves.toMatch(/: 60 %, i gang, forbrug 680\.000 kr\./);
    await entries.getByRole('button', { name: /^Tilbagekald statusregistreringen .* \(60 %\)$/ }).click();
    const form = page.getByRole('form', { name: /^Tilbagekald statusregistreringen .* \(60 %\)$/ });
    await form.getByRole('button', { name: 'Tilbagekald' }).click();
    await form.getByText('Skal udfyldes.').waitFor();
    expect(await form.getByLabel('Begrundelse').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the retraction form with an error');
    await form.getByLabel('Begrundelse').fill('Registreret på den forkerte aktivitet.');
    await form.getByRole('button', { name: 'Tilbagekald' }).click();
    await form.waitFor({ state: 'detached' });
    // Retracted, it counts nowhere: the row is back at 52 %, 610 000 kr.; the entry stays listed with why.
    await row.getByRole('progressbar').and(page.locator('[aria-valuetext="52,0 %"]')).waitFor();
    await expect(row.textContent()).resolves.toContain('610.000 af 1.200.000 kr.');
    await expect(row.textContent()).resolves.toContain('1 tilbagekaldt statusregistrering');
    await entries.getByRole('listitem').first().filter({ hasText: 'Registreret på den forkerte aktivitet.' }).waitFor();
  });

  it('revises an indicator’s target with a reason, and reads its history (the demo’s retracted measurement among it)', async () => {
    const { page } = j.tab;
    const row = page.locator('tr', { hasText: 'Børn der kommer fast i lektiecaféen' });
    await row.getByRole('button', { name: 'Ret indikator' }).click();
    const form = page.getByRole('form', { name: 'Ret indikatoren Børn der kommer fast i lektiecaféen' });
    const target = form.getByLabel('Målværdi');
    const before = await target.inputValue();
    await target.fill('45');
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.getByText('Skal udfyldes.').waitFor();
    expect(await form.getByLabel('Begrundelse').getAttribute('aria-invalid')).toBe('true');
    expect(await target.inputValue()).toBe('45');
    await form.getByLabel('Begrundelse').fill('Lektiecaféen har fået to nye frivillige.');
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.waitFor({ state: 'detached' });
    // The form closes when the API answers; the plan's query then runs again.
    await row.filter({ hasText: '→ 45' }).waitFor();
    await row.getByText('Målinger og ændringer').click();
    const revisions = page.getByRole('list', { name: 'Ændringer af Børn der kommer fast i lektiecaféen' });
    await expect(revisions.textContent()).resolves.toContain(`målværdi ${before} → 45`);
    await expect(revisions.textContent()).resolves.toContain('Begrundelse: Lektiecaféen har fået to nye frivillige.');
    const measurements = page.getByRole('list', { name: 'Målinger af Børn der kommer fast i lektiecaféen' });
    await expect(measurements.locator('.entry--retracted').first().textContent()).resolves.toMatch(/3,2.*Tilbagekaldt .*Kommafejl/);
    await expectAccessible(page, 'an indicator’s history');
  });

  it('adds a milestone and marks it reached (a date after today is refused beside "Nået den")', async () => {
    const { page } = j.tab;
    const title = 'Forældrecafé åbner';
    await page.getByRole('button', { name: 'Ny milepæl' }).click();
    const form = page.getByRole('form', { name: 'Ny milepæl' });
    await form.getByLabel('Frist').fill(isoDaysFromToday(10));
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.getByText('Skal udfyldes.').waitFor();
    expect(await form.getByLabel('Titel').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Titel').fill(title);
    await form.getByLabel('Aktivitet').selectOption({ label: 'Lektiecafé i Fælleshuset' });
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.waitFor({ state: 'detached' });
    const item = page.locator('.milestone', { hasText: title });
    await expect(item.locator('.badge').textContent()).resolves.toBe('Kommende');
    await expect(item.textContent()).resolves.toContain('aktivitet: Lektiecafé i Fælleshuset');

    await item.getByRole('button', { name: 'Markér som nået' }).click();
    const done = page.getByRole('form', { name: `Markér ${title} som nået` });
    await done.getByLabel('Nået den').fill(isoDaysFromToday(3));
    await done.getByRole('button', { name: 'Gem' }).click();
    await done.getByText('Må ikke ligge efter i dag.').waitFor();
    await expectAccessible(page, 'the milestone form with an error');
    await done.getByLabel('Nået den').fill(isoDaysFromToday(0));
    await done.getByRole('button', { name: 'Gem' }).click();
    await done.waitFor({ state: 'detached' });
    await item.locator('.badge', { hasText: 'Nået' }).waitFor();
    expect(await item.getByRole('button').count()).toBe(0);
  });

  it('tries an import: no file is refused beside the field; the template passes the dry run and writes nothing', async () => {
    const { page } = j.tab;
    const form = page.getByRole('form', { name: 'Import fra regneark' });
    await form.getByRole('button', { name: 'Prøv import' }).click();
    await form.getByText('Vælg en .xlsx-fil.').waitFor();
    expect(await form.getByLabel('Regneark (.xlsx)').getAttribute('aria-invalid')).toBe('true');
    const token = await tokenOf(j.app.url, 'projekt@planspor.demo', 'demo-projekt-2026');
    const template = Buffer.from(await (await fetch(`${j.app.url}/imports/plan-template.xlsx`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
    await form.getByLabel('Regneark (.xlsx)').setInputFiles({
      name: 'skabelon.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: template,
    });
    const goalsBefore = await page.locator('article.goal').count();
    await form.getByRole('button', { name: 'Prøv import' }).click();
    // The template's example rows pass the API's checks; a dry run reports what it would add and adds nothing.
    const answer = page.locator('section[aria-labelledby="import"]').getByRole('status');
    await answer.filter({ hasText: /^Prøveimport uden fejl: filen vil tilføje \d+ mål, \d+ (indikator|indikatorer), \d+ (aktivitet|aktiviteter) og \d+ (kobling|koblinger)\. Intet er gemt endnu\.$/ }).waitFor();
    expect(await page.locator('article.goal').count()).toBe(goalsBefore);
    // A file that is no workbook: the server's refusal is shown beside the field.
    await form.getByLabel('Regneark (.xlsx)').setInputFiles({ name: 'noter.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('ikke et regneark') });
    await form.getByRole('button', { name: 'Importér' }).click();
    await page.waitForFunction(() => document.querySelector('form[aria-label="Import fra regneark"] input[aria-invalid="true"]') !== null);
    await expectAccessible(page, 'the import form with a refused file');
    await screenshot(page, 'plan-page-import', false);
  });

  it('"Download Excel" on the plan page fetches the plan workbook', async () => {
    const { page } = j.tab;
    await page.locator('.page-actions').scrollIntoViewIfNeeded();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.page-actions').getByRole('link', { name: 'Download Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.locator('.csv-links summary').click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Aktiviteter (CSV)' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  });

  it('the plan page works at 360 px', async () => {
    await onNarrowScreen(j, { path: new URL(j.tab.page.url()).pathname, email: 'projekt@planspor.demo', password: 'demo-projekt-2026', screenshot: 'plan-page-360px' }, async (page) => {
      await page.getByRole('heading', { level: 2, name: 'Aktiviteter' }).waitFor();
    });
  });

  it('signs out', async () => {
    const { page } = j.tab;
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('button', { name: 'Log ind' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    // Back in history, the plan is not shown to a signed-out person.
    await page.goBack();
    await page.getByRole('button', { name: 'Log ind' }).waitFor();
  });

  function isoDaysFromToday(days: number): string {
    return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  }
});
