import type { EntityManager } from 'typeorm';
import { addDays } from '../common/clock.js';
import { insertSubmission } from '../reporting/annual-report.repository.js';
import { ReportAction, ReportStatus } from '../reporting/report-cycle.js';
import { reportingPeriods } from '../reporting/reporting-periods.js';

/*
 * The annual reporting cycle in the demo (demo-story.md, "Annual reporting"). Called by loadDemoData
 * once the plans, their history and the users exist; every date is computed from `today`, so the story
 * holds whenever the data is loaded:
 *
 *   plan 1  Hasselhøj og Engvangen: its first year APPROVED, last year SUBMITTED and awaiting LBF.
 *           Never late, so the healthy plan stays healthy.
 *   plan 2  Lærkehaven: earlier years APPROVED, last year OPEN (late from 1 July); an overdue
 *           milestone; a target changed with a reason.
 *   plan 3  Kongshøj Vænge: its first year RETURNED by LBF with a comment and not submitted again,
 *           so it is late whatever the day; years between APPROVED; last year OPEN.
 *
 * Submissions store the figures the app itself computes (insertSubmission), as of each year's end.
 */

const PLAN_TITLES = { 1: 'Hasselhøj og Engvangen', 2: 'Lærkehaven', 3: 'Kongshøj Vænge' } as const;
type PlanNumber = keyof typeof PLAN_TITLES;

const SECRETARIATS: Record<PlanNumber, string> = { 1: 'projekt@planspor.demo', 2: 'projekt2@planspor.demo', 3: 'projekt3@planspor.demo' };
const LBF = 'lbf@planspor.demo';

/** Plan 3's first report went back to the secretariat with this. */
export const DEMO_RETURN_COMMENT =
  'Indikatoren "Familier der har gennemført et sprogforløb" mangler en baseline. Angiv den, eller forklar i en ' +
  'kommentar til indikatoren hvorfor den ikke kan opgøres endnu, og indsend rapporten igen.';

interface DemoPlan {
  id: string;
  startDate: string;
  endDate: string;
}

interface MilestoneSpec {
  title: string;
  /** The due date, from this year (Y) as a number. */
  due: (y: number, today: string) => string;
  activity?: string;
  goal?: string;
  /** Left open even when its day has passed: the overdue one. */
  neverCompleted?: boolean;
}

const MILESTONES: Record<PlanNumber, MilestoneSpec[]> = {
  1: [
    { title: 'Status på helhedsplanens første år', due: (y) => `${y - 1}-03-31`, goal: 'Hasselhøj og Engvangen er trygge boligområder, hvor flere beboere er i uddannelse og job' },
    { title: 'Midtvejsevaluering af helhedsplanen', due: (y) => `${y}-03-31`, goal: 'Hasselhøj og Engvangen er trygge boligområder, hvor flere beboere er i uddannelse og job' },
    { title: 'Lektiecaféen flytter i nye lokaler i Fælleshuset', due: (y) => `${y}-08-15`, activity: 'Lektiecafé i Fælleshuset' },
    { title: 'Jobcafé åbner fire dage om ugen', due: (y) => `${y + 1}-02-28` },
    { title: 'Tryghedsvandring med politi og beboere', due: (y) => `${y + 1}-05-15`, goal: 'Beboerne oplever området som trygt, og hærværket falder' },
    { title: 'Evaluering af fritidsjobindsatsen', due: (y) => `${y + 1}-09-30`, goal: 'Flere unge har et fritidsjob' },
  ],
  2: [
    { title: 'Koordinator for fællesspisningen ansat', due: (_y, today) => addDays(today, -20), activity: 'Fællesspisning og årstidsfester', neverCompleted: true },
    { title: 'Ny aftale med gadeplansteamet om aftenvagter', due: (y) => `${y + 1}-03-31`, goal: 'Færre børn og unge fra Lærkehaven begår kriminalitet' },
  ],
  3: [
    { title: 'Baseline for sprogforløbene fastlagt', due: (y) => `${y + 1}-01-31`, goal: 'Flere familier deltager i sprogstimulerende forløb' },
    { title: 'Familieklubben når 40 familier', due: (y) => `${y + 1}-06-30`, activity: 'Familieklubben: sprogstimulering i hjemmet' },
  ],
};

/** The report cycle of one period: who did what when (day within year + 1, and a comment). */
interface Step {
  action: ReportAction;
  /** Month and day in the year after the period, e.g. '03-14'. */
  on: string;
  comment?: string;
}

const APPROVED_CYCLE = (submitComment: string): Step[] => [
  { action: ReportAction.SUBMITTED, on: '02-25', comment: submitComment },
  { action: ReportAction.APPROVED, on: '03-30', comment: 'Godkendt. Tak for en grundig rapport.' },
];

function timestamp(date: string, hour: number): string {
  return `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;
}

export async function loadReportingDemo(m: EntityManager, today: string): Promise<void> {
  const y = Number(today.slice(0, 4));
  const users = new Map<string, string>(
    ((await m.query(`SELECT id, email FROM users WHERE email LIKE '%@planspor.demo'`)) as { id: string; email: string }[]).map((u) => [u.email, u.id]),
  );
  const user = (email: string) => {
    const id = users.get(email);
    if (!id) throw new Error(`demo reporting: no user ${email}`);
    return id;
  };
  const plans = new Map<PlanNumber, DemoPlan>();
  for (const number of [1, 2, 3] as PlanNumber[]) {
    const [row]: { id: string; start_date: string; end_date: string }[] = await m.query(
      `SELECT id, start_date, end_date FROM plans WHERE title LIKE $1`,
      [`%${PLAN_TITLES[number]}%`],
    );
    if (!row) throw new Error(`demo reporting: no plan ${PLAN_TITLES[number]}`);
    plans.set(number, { id: row.id, startDate: row.start_date, endDate: row.end_date });
  }

  // --- milestones, before the submissions that list them: those whose day has passed were completed
  // three days early, but the overdue one ---
  for (const [number, specs] of Object.entries(MILESTONES) as unknown as [PlanNumber, MilestoneSpec[]][]) {
    const plan = plans.get(Number(number) as PlanNumber)!;
    const secretariat = user(SECRETARIATS[Number(number) as PlanNumber]);
    for (const spec of specs) {
      const due = spec.due(y, today);
      const completedOn = !spec.neverCompleted && due < today ? addDays(due, -3) : null;
      const [row]: { activity_id: string | null; goal_id: string | null }[] = await m.query(
        `INSERT INTO milestones (plan_id, title, due_date, completed_on, activity_id, goal_id, created_at, created_by, completed_at, completed_by)
         VALUES ($1, $2, $3, $4,
                 (SELECT id FROM activities WHERE plan_id = $1 AND title = $5),
                 (SELECT id FROM goals WHERE plan_id = $1 AND title = $6),
                 $7, $8, $9, CASE WHEN $4::date IS NULL THEN NULL ELSE $8::uuid END)
         RETURNING activity_id, goal_id`,
        [
          plan.id,
          spec.title,
          due,
          completedOn,
          spec.activity ?? null,
          spec.goal ?? null,
          timestamp(plan.startDate, 7),
          secretariat,
          completedOn ? timestamp(completedOn, 15) : null,
        ],
      );
      if ((spec.activity && !row.activity_id) || (spec.goal && !row.goal_id)) {
        throw new Error(`demo milestone ${spec.title}: no activity ${spec.activity} or goal ${spec.goal} in its plan`);
      }
    }
  }

  // --- the cycles ---
  const cycles: { plan: PlanNumber; year: number; steps: Step[] }[] = [];
  for (const [number, plan] of plans) {
    const ended = reportingPeriods(plan).filter((p) => p.year < y);
    for (const [i, period] of ended.entries()) {
      const last = period.year === y - 1;
      if (number === 1 && last) {
        // Submitted at the start of this year, awaiting LBF; on 1 January not yet.
        if (today > `${y}-01-02`) cycles.push({ plan: 1, year: period.year, steps: [{ action: ReportAction.SUBMITTED, on: '02-20', comment: 'Årsrapport for et år med god fremdrift i alle indsatser.' }] });
      } else if (number === 3 && i === 0) {
        cycles.push({
          plan: 3,
          year: period.year,
          steps: [
            { action: ReportAction.SUBMITTED, on: '03-14', comment: 'Første årsrapport for helhedsplanen.' },
            { action: ReportAction.RETURNED, on: '04-20', comment: DEMO_RETURN_COMMENT },
          ],
        });
      } else if (!last) {
        cycles.push({ plan: number, year: period.year, steps: APPROVED_CYCLE(`Årsrapport ${period.year}.`) });
      }
    }
  }
  for (const { plan: number, year, steps } of cycles) {
    const plan = plans.get(number)!;
    let submissionId: string | null = null;
    let status: ReportStatus = ReportStatus.OPEN;
    let at = '';
    for (const [i, step] of steps.entries()) {
      // No step on or after today: the cycle stops where the calendar does.
      const day = `${year + 1}-${step.on}`;
      const date = day < today ? day : addDays(today, -1);
      at = timestamp(date, 9 + i);
      const actor = step.action === ReportAction.SUBMITTED ? user(SECRETARIATS[number]) : user(LBF);
      if (step.action === ReportAction.SUBMITTED) {
        submissionId = (
          await insertSubmission(m, { planId: plan.id, year, today: date, submittedBy: actor, comment: step.comment ?? null, indicatorComments: {}, submittedAt: at })
        ).id;
      }
      await m.query(
        `INSERT INTO reporting_events (plan_id, year, action, actor_id, comment, submission_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [plan.id, year, step.action, actor, step.comment ?? null, step.action === ReportAction.SUBMITTED ? submissionId : null, at],
      );
      status = ReportStatus[step.action];
    }
    await m.query(
      `INSERT INTO reporting_periods (plan_id, year, status, submission_id, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [plan.id, year, status, submissionId, at, steps.at(-1)!.action === ReportAction.SUBMITTED ? user(SECRETARIATS[number]) : user(LBF)],
    );
  }

  // --- a target changed with a reason: plan 2's youth-crime target, set to 12 at the start, now 16 ---
  const revised: unknown[] = await m.query(
    `INSERT INTO indicator_revisions (plan_id, indicator_id, at, revised_by, reason, before, after)
     SELECT i.plan_id, i.id, $2::timestamptz, $3::uuid, $4, jsonb_build_object('target', 12), jsonb_build_object('target', i.target)
       FROM indicators i WHERE i.plan_id = $1 AND i.name = 'Unge 15-25 år fra området sigtet for overtrædelse af straffeloven'
     RETURNING id`,
    [
      plans.get(2)!.id,
      timestamp(addDays(today, -200), 10),
      user(SECRETARIATS[2]),
      'Målet er justeret efter midtvejsevalueringen, i samråd med LBF: 12 var ikke realistisk med den nuværende bemanding.',
    ],
  );
  if (revised.length !== 1) throw new Error('demo reporting: plan 2 has no youth-crime indicator to revise');
}
