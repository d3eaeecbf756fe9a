import type { EntityManager } from 'typeorm';

/*
 * The data-quality part of the demo story (demo-story.md, "Mistakes and warnings"), loaded after the
 * rest of it by loadDemoData. Every figure of the story stays as it was:
 *
 * - Plan 1 (the healthy one) shows two retractions. A progress entry of "Jobcafé og
 *   virksomhedsnetværk" logged twice, the second time with 8,500,000 for 850,000, and a measurement of
 *   "Børn der kommer fast i lektiecaféen" typed 3.2 for 32: both retracted by the plan's secretariat,
 *   so the latest entry and measurement are the ones before them again.
 * - Plan 3 moves 300,000 of "Gælds- og økonomirådgivning"'s budget to "Ungevejledning i
 *   Kongshøj-huset" (both Beskæftigelse, both under the plan's root goal): the first has spent
 *   440,000 of what is now 400,000, an overspent activity. The plan's and the portfolio's budgets, and
 *   the root goal's, are the same as before.
 *
 * Written as the app writes them: the triggers move the latest pointers back and keep the link
 * counts; a re-budgeting bumps the activity's version like updateActivity.
 */

const PLAN_1 = 'Boligsocial helhedsplan for Hasselhøj og Engvangen';
const PLAN_3 = 'Boligsocial helhedsplan for Kongshøj Vænge';

/** A day `days` before `today`, at `hour`:00 UTC. */
function at(today: string, days: number, hour: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  date.setUTCHours(hour);
  return date.toISOString();
}

async function one<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T> {
  const rows: T[] = await manager.query(sql, params);
  if (rows.length !== 1) throw new Error(`demo data (quality): expected one row of ${sql}, got ${rows.length}`);
  return rows[0];
}

export async function loadQualityDemo(manager: EntityManager, today: string): Promise<void> {
  const plan1 = await one<{ id: string }>(manager, `SELECT id FROM plans WHERE title LIKE $1 || ' %'`, [PLAN_1]);
  const plan3 = await one<{ id: string }>(manager, `SELECT id FROM plans WHERE title LIKE $1 || ' %'`, [PLAN_3]);
  const secretariat1 = await one<{ id: string }>(manager, `SELECT id FROM users WHERE email = 'projekt@planspor.demo'`, []);
  const secretariat3 = await one<{ id: string }>(manager, `SELECT id FROM users WHERE email = 'projekt3@planspor.demo'`, []);

  // Plan 1: the entry logged twice, mistyped, and retracted the next day.
  const jobcafe = await one<{ id: string; latest_reported_on: string }>(
    manager,
    `SELECT id, latest_reported_on::text FROM activities WHERE plan_id = $1 AND title = 'Jobcafé og virksomhedsnetværk'`,
    [plan1.id],
  );
  const entry = await one<{ id: string }>(
    manager,
    `INSERT INTO progress_entries (plan_id, activity_id, reported_on, percent_complete, status, participants_reached, spent, note, logged_by, logged_at)
     VALUES ($1, $2, $3::date, 50, 'ACTIVE', 105, 8500000, 'Status til styregruppemødet.', $4, $5)
     RETURNING id`,
    [plan1.id, jobcafe.id, jobcafe.latest_reported_on, secretariat1.id, at(today, 4, 14)],
  );
  await manager.query(
    `UPDATE progress_entries SET retracted_at = $2, retracted_by = $3, retraction_reason = $4 WHERE id = $1`,
    [
      entry.id,
      at(today, 3, 9),
      secretariat1.id,
      'Statussen var allerede registreret, og beløbet er tastet forkert (8.500.000 for 850.000 kr.): den første registrering gælder.',
    ],
  );

  // Plan 1: the count typed without its digit, retracted.
  const indicator = await one<{ id: string }>(
    manager,
    `SELECT id FROM indicators WHERE plan_id = $1 AND name = 'Børn der kommer fast i lektiecaféen'`,
    [plan1.id],
  );
  const measurement = await one<{ id: string }>(
    manager,
    `INSERT INTO measurements (plan_id, indicator_id, measured_on, value, note, recorded_by, recorded_at)
     VALUES ($1, $2, $3::date, 3.2, NULL, $4, $5)
     RETURNING id`,
    [plan1.id, indicator.id, at(today, 6, 0).slice(0, 10), secretariat1.id, at(today, 6, 15)],
  );
  await manager.query(
    `UPDATE measurements SET retracted_at = $2, retracted_by = $3, retraction_reason = $4 WHERE id = $1`,
    [measurement.id, at(today, 5, 10), secretariat1.id, 'Kommafejl: 3,2 skulle have været 32, samme opgørelse som sidst.'],
  );

  // Plan 3: 300,000 moved between two activities of the same focus area and root goal.
  for (const [title, change] of [
    ['Gælds- og økonomirådgivning', -300_000],
    ['Ungevejledning i Kongshøj-huset', 300_000],
  ] as const) {
    // TypeORM answers an UPDATE with [rows, affected].
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE activities SET budget = budget + $3, version = version + 1, updated_at = $4, updated_by = $5
        WHERE plan_id = $1 AND title = $2`,
      [plan3.id, title, change, at(today, 9, 11), secretariat3.id],
    );
    if (affected !== 1) throw new Error(`demo data (quality): no activity "${title}" in plan 3`);
  }
}
