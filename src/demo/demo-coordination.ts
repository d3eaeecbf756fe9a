import type { EntityManager } from 'typeorm';
import type { DemoPlanNumber } from './demo-data.js';

/*
 * The coordination part of the demo (demo-story.md, "Coordination in Områdesekretariat Aarhus Vest"),
 * added after loadDemoData has written the three plans:
 *
 * - every activity gets an activity type, target groups from the national catalogues and partners;
 * - plan 1's "Brobygning til ungdomsuddannelse" (whose mentor corps its entries mention) and plan 2's
 *   "Mentorordning for kriminalitetstruede unge" are both mentor schemes for 13-17-year-olds run by
 *   the municipality: the area's one overlap. No other type recurs in plans 1 and 2 (plan 3, which
 *   shares some, is in no area);
 * - plan 2 gets the tryghed indicator plan 1 already measures, on its root goal, ON_TRACK with a wide
 *   margin: the area's one shared indicator. Its other figures are untouched (no activity, budget or
 *   progress changes, so every number of the story still holds);
 * - the area secretariat has written notes on plans 1 and 2.
 */

interface Tagging {
  type: string;
  groups: string[];
  partners: string[];
}

/** By plan and activity title (titles are unique within a demo plan). */
const TAGGING: Record<DemoPlanNumber, Record<string, Tagging>> = {
  1: {
    'Lektiecafé i Fælleshuset': {
      type: 'Lektiecafé',
      groups: ['Børn 6-12 år'],
      partners: ['Engvangens Skole', 'Frivillige fra Hasselhøj og Engvangen'],
    },
    'Forældrecafé om skole og lektier': {
      type: 'Forældrenetværk',
      groups: ['Forældre'],
      partners: ['Engvangens Skole', 'Tolkeservice Aarhus'],
    },
    'Brobygning til ungdomsuddannelse': {
      type: 'Mentorordning',
      groups: ['Unge 13-17 år', 'Forældre'],
      partners: ['Ungdommens Uddannelsesvejledning Aarhus', 'Aarhus Tech', 'Frivillige mentorer fra erhvervslivet'],
    },
    Fritidsjobindsats: {
      type: 'Fritidsjob',
      groups: ['Unge 13-17 år'],
      partners: ['Lokale arbejdsgivere', 'Idrætscenter Vest'],
    },
    'Jobcafé og virksomhedsnetværk': {
      type: 'Jobcafé',
      groups: ['Ledige', 'Voksne uden for arbejdsmarkedet'],
      partners: ['Jobcenter Aarhus', 'Virksomhedsnetværket Aarhus Vest'],
    },
    'Tryghedsvandringer og gårdmænd i dialog': {
      type: 'Tryghedsvandring',
      groups: ['Alle beboere'],
      partners: ['Østjyllands Politi', 'Afdelingsbestyrelserne'],
    },
    'Natteravne i weekenderne': {
      type: 'Natteravne',
      groups: ['Unge 13-17 år', 'Unge 18-29 år'],
      partners: ['Natteravnene Aarhus'],
    },
    'Beboerundersøgelse ved helhedsplanens start': {
      type: 'Beboerundersøgelse',
      groups: ['Alle beboere'],
      partners: ['Boligforeningen Engbo', 'Østjyllands Almene Boligselskab'],
    },
  },
  2: {
    'Mentorordning for kriminalitetstruede unge': {
      type: 'Mentorordning',
      groups: ['Unge 13-17 år', 'Kriminalitetstruede unge'],
      partners: ['SSP Aarhus', 'Frivillige mentorer'],
    },
    'Gadeplansmedarbejdere aften og weekend': {
      type: 'Gadeplansarbejde',
      groups: ['Unge 13-17 år', 'Unge 18-29 år', 'Kriminalitetstruede unge'],
      partners: ['SSP Aarhus', 'Klubben i Lærkehaven'],
    },
    'Frivilligcenter og foreningsguide': {
      type: 'Frivillighed og foreningsliv',
      groups: ['Frivillige', 'Alle beboere'],
      partners: ['Frivilligcenter Aarhus'],
    },
    'Kvindenetværk og jobrettede forløb': {
      type: 'Jobrettet forløb',
      groups: ['Voksne uden for arbejdsmarkedet'],
      partners: ['Jobcenter Aarhus', 'Sprogcenter Aarhus'],
    },
    'Fællesspisning og årstidsfester': {
      type: 'Fællesskabsarrangementer',
      groups: ['Alle beboere'],
      partners: ['Afdelingsbestyrelsen i Lærkehaven'],
    },
  },
  3: {
    'Familieklubben: sprogstimulering i hjemmet': {
      type: 'Læse- og sprogstøtte',
      groups: ['Børn 0-5 år', 'Familier med børn'],
      partners: ['Sundhedsplejen', 'Københavns Biblioteker'],
    },
    'Lektiehjælp med frivillige studerende': {
      type: 'Lektiecafé',
      groups: ['Børn 6-12 år'],
      partners: ['Professionshøjskolen'],
    },
    'Ungevejledning i Kongshøj-huset': {
      type: 'Uddannelsesvejledning',
      groups: ['Unge 18-29 år'],
      partners: ['Ungdommens Uddannelsesvejledning København', 'Jobcenter København'],
    },
    'Gælds- og økonomirådgivning': {
      type: 'Gælds- og økonomirådgivning',
      groups: ['Beboere med gæld eller økonomiske problemer'],
      partners: ['Den Sociale Retshjælp', 'Københavns Kommune'],
    },
    'Kulturnat og sommerfest': {
      type: 'Fællesskabsarrangementer',
      groups: ['Alle beboere'],
      partners: ['Festudvalget i Kongshøj Vænge'],
    },
  },
};

/** Plan 1 measures this already ("Årlig tryghedsmåling blandt beboerne"); plan 2 now asks the same question. */
export const DEMO_SHARED_INDICATOR = { name: 'Beboere der føler sig trygge i området', unit: '%' } as const;

/** [days before today, plan, text], all by the demo area secretariat. */
const NOTES: [number, DemoPlanNumber, string][] = [
  [
    40,
    2,
    'Gadeplansindsatsen har ikke registreret status i over tre måneder. Kan I nå at registrere status før ' +
      'styregruppemødet, så vi kan se, hvordan det går efter medarbejderskiftet?',
  ],
  [
    12,
    1,
    'Overlap med Lærkehaven: Brobygningen her og Mentorordningen i Lærkehaven har begge et mentorkorps for ' +
      'unge 13-17 år, og Aarhus Kommune står for begge. Vi foreslår ét fælles korps med fælles uddannelse af ' +
      'mentorerne; punktet er på koordinationsmødet i næste måned.',
  ],
  [
    12,
    2,
    'Overlap med Hasselhøj og Engvangen: Mentorordningen her og brobygningens mentorkorps dér arbejder med ' +
      'de samme unge 13-17 år. Se noten på Hasselhøj og Engvangen; vi tager det op på koordinationsmødet.',
  ],
  [
    5,
    1,
    'Fælles indikator: Lærkehaven måler nu også "Beboere der føler sig trygge i området". Lad os stille ' +
      'spørgsmålet ens og på samme tid af året, så tallene kan sammenlignes på tværs af områderne.',
  ],
  [
    5,
    2,
    'Fælles indikator: stil tryghedsspørgsmålet som i Hasselhøj og Engvangens årlige tryghedsmåling, så ' +
      'vi kan sammenligne de to områder.',
  ],
];

const DAY_MS = 86_400_000;

export interface CoordinationDemoRefs {
  /** 'YYYY-MM-DD', as loadDemoData got it. */
  today: string;
  planIds: ReadonlyMap<DemoPlanNumber, string>;
  /** By email. */
  userIds: ReadonlyMap<string, string>;
}

/** Seven statements, after loadDemoData's own, in its transaction. */
export async function loadCoordinationDemo(manager: EntityManager, { today, planIds, userIds }: CoordinationDemoRefs): Promise<void> {
  const planId = (plan: DemoPlanNumber) => required(planIds.get(plan), `plan ${plan}`);
  const areaSecretariatUser = required(userIds.get('omraade@planspor.demo'), 'the area secretariat user');
  const plan2Secretariat = required(userIds.get('projekt2@planspor.demo'), 'plan 2’s secretariat');
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const daysAgo = (days: number) => new Date(todayMs - days * DAY_MS).toISOString().slice(0, 10);

  const [activities, catalogue] = await Promise.all([
    manager.query(`SELECT id, plan_id, title FROM activities WHERE plan_id = ANY($1::uuid[])`, [[...planIds.values()]]) as Promise<
      { id: string; plan_id: string; title: string }[]
    >,
    manager.query(
      `SELECT 'type' AS kind, id, name FROM activity_types UNION ALL SELECT 'group', id, name FROM target_groups`,
    ) as Promise<{ kind: 'type' | 'group'; id: string; name: string }[]>,
  ]);
  const activityId = new Map(activities.map((a) => [`${a.plan_id}/${a.title}`, a.id]));
  const catalogueId = new Map(catalogue.map((c) => [`${c.kind}/${c.name}`, c.id]));

  const tagged = Object.entries(TAGGING).flatMap(([plan, byTitle]) =>
    Object.entries(byTitle).map(([title, tagging]) => ({
      planId: planId(Number(plan) as DemoPlanNumber),
      activityId: required(activityId.get(`${planId(Number(plan) as DemoPlanNumber)}/${title}`), `activity ${title}`),
      typeId: required(catalogueId.get(`type/${tagging.type}`), `activity type ${tagging.type}`),
      groupIds: tagging.groups.map((g) => required(catalogueId.get(`group/${g}`), `target group ${g}`)),
      partners: tagging.partners,
    })),
  );
  await manager.query(
    `UPDATE activities a SET activity_type_id = v.activity_type_id, partners = v.partners
       FROM json_to_recordset($1::json) AS v(id uuid, activity_type_id uuid, partners text[])
      WHERE a.id = v.id`,
    [JSON.stringify(tagged.map((t) => ({ id: t.activityId, activity_type_id: t.typeId, partners: t.partners })))],
  );
  await manager.query(
    `INSERT INTO activity_target_groups (activity_id, target_group_id, plan_id)
     SELECT v.activity_id, v.target_group_id, v.plan_id
       FROM json_to_recordset($1::json) AS v(activity_id uuid, target_group_id uuid, plan_id uuid)`,
    [JSON.stringify(tagged.flatMap((t) => t.groupIds.map((g) => ({ activity_id: t.activityId, target_group_id: g, plan_id: t.planId }))))],
  );

  // Plan 2's tryghed indicator, on its root goal: baseline 61 % (dated like the plan's other
  // baselines, 60 days before its start), target 72 % at its end, latest 68 %: attainment 7/11 = 0.64
  // against a threshold of about 0.33.
  const [indicator] = (await manager.query(
    `INSERT INTO indicators (plan_id, goal_id, name, unit, direction, source, baseline, baseline_date, target, target_date, created_at, created_by)
     SELECT p.id, g.id, $2, $3, 'INCREASE', 'Årlig tryghedsmåling blandt beboerne (samme spørgsmål som i Hasselhøj og Engvangen)',
            61, p.start_date - 60, 72, p.end_date, $4::timestamptz, $5
       FROM plans p JOIN goals g ON g.plan_id = p.id AND g.parent_id IS NULL
      WHERE p.id = $1
     RETURNING id, plan_id`,
    [planId(2), DEMO_SHARED_INDICATOR.name, DEMO_SHARED_INDICATOR.unit, `${daysAgo(320)}T09:00:00Z`, plan2Secretariat],
  )) as { id: string; plan_id: string }[];
  await manager.query(
    `INSERT INTO measurements (plan_id, indicator_id, measured_on, value, note, recorded_by, recorded_at)
     VALUES ($1, $2, $3, 64, NULL, $5, $4::timestamptz), ($1, $2, $6, 68, 'Samme spørgsmål som i Hasselhøj og Engvangen', $5, $7::timestamptz)`,
    [indicator.plan_id, indicator.id, daysAgo(300), `${daysAgo(298)}T10:00:00Z`, plan2Secretariat, daysAgo(60), `${daysAgo(58)}T10:00:00Z`],
  );

  await manager.query(
    `INSERT INTO coordination_notes (plan_id, text, author_id, created_at)
     SELECT v.plan_id, v.text, $2, v.created_at FROM json_to_recordset($1::json) AS v(plan_id uuid, text text, created_at timestamptz)`,
    [
      JSON.stringify(
        NOTES.map(([days, plan, text], i) => ({ plan_id: planId(plan), text, created_at: `${daysAgo(days)}T${String(9 + i).padStart(2, '0')}:30:00Z` })),
      ),
      areaSecretariatUser,
    ],
  );
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo coordination: unknown ${what}`);
  return value;
}
