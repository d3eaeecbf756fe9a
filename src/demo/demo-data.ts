import type { EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password.js';
import { ActivityStatus, GoalKind, IndicatorDirection, ResponsibleParty, Role } from '../common/enums.js';
import { loadQualityDemo } from './demo-quality.js';
import { loadCoordinationDemo } from './demo-coordination.js';

/*
 * Demo data that tells a story (see demo-story.md).
 *
 * Three four-year plans from Landsbyggefonden's 2019-26 pool, started about two years before `today`:
 *   plan 1  Hasselhøj og Engvangen (Aarhus): the healthy plan; only a cancelled activity.
 *   plan 2  Lærkehaven (Aarhus): a stale activity, a goal nobody works on, a goal without indicators,
 *           an OFF_TRACK indicator.
 *   plan 3  Kongshøj Vænge (København): co-financing below the pool's minimum, an activity that serves
 *           no goal, an indicator without a baseline.
 * Plans 1 and 2 share an area secretariat, so its portfolio roll-up has one municipality with two plans.
 * The housing areas and organisations are invented; pools, focus areas and municipality codes are real.
 *
 * Every date is computed from `today`, so the warnings hold whenever the data is loaded. The margins are
 * wide: running activities last reported 8-40 days ago (the reporting interval is 90), the stale one
 * 150 days ago, and every indicator's attainment is at least 0.15 away from its ON_TRACK threshold, so
 * statuses hold for months after loading, whatever day of the month `today` is.
 */

// ---------------------------------------------------------------------------------------------
// Logins (also printed in the README)

export type DemoPlanNumber = 1 | 2 | 3;

export interface DemoUser {
  email: string;
  password: string;
  name: string;
  role: Role;
  /** The plan a PROJECT_SECRETARIAT or BOARD_MEMBER belongs to. */
  plan?: DemoPlanNumber;
  /** An AREA_SECRETARIAT user belongs to the demo's one area secretariat. */
  areaSecretariat?: boolean;
  /** What this login sees, for the README. */
  scope: string;
}

// One password per role: the three project secretariats share one, so it is hashed only once.
export const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin@planspor.demo',
    password: 'demo-admin-2026',
    name: 'Mette Holm',
    role: Role.ADMIN,
    scope: 'everything; manages users',
  },
  {
    email: 'lbf@planspor.demo',
    password: 'demo-lbf-2026',
    name: 'Lars Bøgh (Landsbyggefonden)',
    role: Role.LBF,
    scope: 'every plan, the registry and the national roll-up',
  },
  {
    email: 'omraade@planspor.demo',
    password: 'demo-omraade-2026',
    name: 'Sara Nielsen (Områdesekretariat Aarhus Vest)',
    role: Role.AREA_SECRETARIAT,
    areaSecretariat: true,
    scope: 'plans 1 and 2 (Hasselhøj og Engvangen, Lærkehaven) and their roll-up',
  },
  {
    email: 'projekt@planspor.demo',
    password: 'demo-projekt-2026',
    name: 'Jonas Madsen (projektleder, Hasselhøj og Engvangen)',
    role: Role.PROJECT_SECRETARIAT,
    plan: 1,
    scope: 'runs plan 1 (Hasselhøj og Engvangen)',
  },
  {
    email: 'bestyrelse@planspor.demo',
    password: 'demo-bestyrelse-2026',
    name: 'Birgitte Lund (bestyrelsesformand, Hasselhøj og Engvangen)',
    role: Role.BOARD_MEMBER,
    plan: 1,
    scope: 'reads plan 1 (Hasselhøj og Engvangen)',
  },
  {
    email: 'projekt2@planspor.demo',
    password: 'demo-projekt-2026',
    name: 'Amina Hassan (projektleder, Lærkehaven)',
    role: Role.PROJECT_SECRETARIAT,
    plan: 2,
    scope: 'runs plan 2 (Lærkehaven)',
  },
  {
    email: 'projekt3@planspor.demo',
    password: 'demo-projekt-2026',
    name: 'Peter Kragh (projektleder, Kongshøj Vænge)',
    role: Role.PROJECT_SECRETARIAT,
    plan: 3,
    scope: 'runs plan 3 (Kongshøj Vænge)',
  },
];

// ---------------------------------------------------------------------------------------------
// Registry

const POOLS = [
  {
    name: '2011-14-midlerne',
    startYear: 2011,
    endYear: 2014,
    // "Børn, unge og familie", "Uddannelse, beskæftigelse og erhverv", "Beboernetværk, inddragelse og
    // demokrati" and "Sundhed" are the names plans funded from this pool used; "Tryghed og trivsel"
    // and "Kriminalpræventive aktiviteter" are the best-known names of the pool's other themes.
    focusAreas: [
      'Tryghed og trivsel',
      'Kriminalpræventive aktiviteter',
      'Børn, unge og familie',
      'Uddannelse, beskæftigelse og erhverv',
      'Beboernetværk, inddragelse og demokrati',
      'Sundhed',
    ],
  },
  {
    name: '2019-26-midlerne',
    startYear: 2019,
    endYear: 2026,
    // The four focus areas (indsatsområder) LBF lists for the 2019-26 boligsociale indsatser.
    focusAreas: [
      'Uddannelse og livschancer',
      'Beskæftigelse',
      'Kriminalitetsforebyggelse',
      'Sammenhængskraft og medborgerskab',
    ],
  },
] as const;
const MIN_COFINANCING_SHARE = 0.25;

const UDDANNELSE = 'Uddannelse og livschancer';
const BESKAEFTIGELSE = 'Beskæftigelse';
const KRIMINALITET = 'Kriminalitetsforebyggelse';
const SAMMENHAENG = 'Sammenhængskraft og medborgerskab';

const MUNICIPALITIES = [
  { code: '101', name: 'København' },
  { code: '751', name: 'Aarhus' },
  { code: '461', name: 'Odense' },
] as const;

const HOUSING_ORGANISATIONS = [
  'Boligforeningen Engbo',
  'Østjyllands Almene Boligselskab',
  'Boligselskabet Amagerhus',
  'Fællesbo Fyn',
] as const;

const AREA_SECRETARIAT = 'Områdesekretariat Aarhus Vest';

// ---------------------------------------------------------------------------------------------
// Plans

/** A date in a plan's life: `{ day }` days after the plan's start, or `{ ago }` days before today. */
type When = { day: number } | { ago: number };
const day = (n: number): When => ({ day: n });
const ago = (n: number): When => ({ ago: n });

interface GoalSpec {
  key: string;
  parent?: string;
  kind: GoalKind;
  title: string;
  description?: string;
  focusArea?: string;
}

interface IndicatorSpec {
  goal: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  source?: string;
  /** null: no baseline yet (status NO_BASELINE). Baselines are dated 60 days before the plan's start. */
  baseline: number | null;
  /** Target dated at the plan's end. */
  target: number;
  /** [days before today, value, note?] */
  measurements: [number, number, string?][];
}

interface ProgressSpec {
  at: When;
  percent: number;
  status: ActivityStatus;
  participants: number | null;
  spent: number;
  note: string;
}

interface ActivitySpec {
  key: string;
  title: string;
  description: string;
  targetGroup: string;
  party: ResponsibleParty;
  focusArea: string;
  start: When;
  /** Days after the plan's start; the plan's end when absent. */
  endDay?: number;
  budget: number;
  /** Must equal the status of the last progress entry, when there is one. */
  status: ActivityStatus;
  links: { goal: string; weight: number; rationale: string }[];
  progress: ProgressSpec[];
}

interface PlanSpec {
  number: DemoPlanNumber;
  title: string;
  pool: string;
  municipalityCode: string;
  housingOrganisations: string[];
  areaSecretariat: boolean;
  housingAreas: string[];
  /** The plan starts on the first day of the month this many months before today's month. */
  startMonthsAgo: number;
  lbfGrant: number;
  localCofinancing: number;
  /** Logs the progress entries and measurements. */
  secretariat: string;
  goals: GoalSpec[];
  indicators: IndicatorSpec[];
  activities: ActivitySpec[];
}

const { ACTIVE, PLANNED, PAUSED, COMPLETED, CANCELLED } = ActivityStatus;
const { OVERALL, EFFECT, SUB } = GoalKind;
const { INCREASE, DECREASE } = IndicatorDirection;
const { HOUSING_ORGANISATION, MUNICIPALITY, JOINT, OTHER } = ResponsibleParty;

const p = (
  at: When,
  percent: number,
  participants: number | null,
  spent: number,
  note: string,
  status: ActivityStatus = ACTIVE,
): ProgressSpec => ({ at, percent, status, participants, spent, note });

// Plan 1: the healthy plan. Every goal is served and measured, every running activity reported
// recently, co-financing 1.7 / (4.4 + 1.7) = 0.279, every indicator ON_TRACK.
const PLAN_1: PlanSpec = {
  number: 1,
  title: 'Boligsocial helhedsplan for Hasselhøj og Engvangen',
  pool: '2019-26-midlerne',
  municipalityCode: '751',
  housingOrganisations: ['Boligforeningen Engbo', 'Østjyllands Almene Boligselskab'],
  areaSecretariat: true,
  housingAreas: ['Hasselhøj', 'Engvangen'],
  startMonthsAgo: 24,
  lbfGrant: 4_400_000,
  localCofinancing: 1_700_000,
  secretariat: 'projekt@planspor.demo',
  goals: [
    {
      key: 'A',
      kind: OVERALL,
      title: 'Hasselhøj og Engvangen er trygge boligområder, hvor flere beboere er i uddannelse og job',
      description:
        'Formålet for helhedsplanen, aftalt mellem Boligforeningen Engbo, Østjyllands Almene Boligselskab ' +
        'og Aarhus Kommune.',
    },
    {
      key: 'E1',
      parent: 'A',
      kind: EFFECT,
      title: 'Flere børn og unge gennemfører folkeskolen og begynder på en ungdomsuddannelse',
      focusArea: UDDANNELSE,
    },
    {
      key: 'S1',
      parent: 'E1',
      kind: SUB,
      title: 'Flere børn får fast lektiehjælp og læsestøtte',
      focusArea: UDDANNELSE,
    },
    {
      key: 'S2',
      parent: 'E1',
      kind: SUB,
      title: 'Flere unge er i gang med en ungdomsuddannelse 15 måneder efter 9. klasse',
      focusArea: UDDANNELSE,
    },
    {
      key: 'E2',
      parent: 'A',
      kind: EFFECT,
      title: 'Flere beboere i alderen 18-64 år kommer i job eller uddannelse',
      focusArea: BESKAEFTIGELSE,
    },
    { key: 'S3', parent: 'E2', kind: SUB, title: 'Flere unge har et fritidsjob', focusArea: BESKAEFTIGELSE },
    {
      key: 'S4',
      parent: 'E2',
      kind: SUB,
      title: 'Ledige beboere har en individuel jobplan lavet sammen med jobcentret',
      focusArea: BESKAEFTIGELSE,
    },
    {
      key: 'E3',
      parent: 'A',
      kind: EFFECT,
      title: 'Beboerne oplever området som trygt, og hærværket falder',
      focusArea: KRIMINALITET,
    },
  ],
  // Indicator ON_TRACK: every attainment here is 0.58-0.71 against a threshold of about 0.37
  // (elapsed share ≈ 0.52 of baseline date → target date, minus 0.15).
  indicators: [
    {
      goal: 'S1',
      name: 'Børn der kommer fast i lektiecaféen',
      unit: 'børn pr. uge',
      direction: INCREASE,
      source: 'Lektiecaféens fremmødelister',
      baseline: 12,
      target: 40,
      measurements: [
        [540, 20],
        [360, 26],
        [180, 30],
        [45, 32, 'Gennemsnit over de seneste fire uger'],
      ],
    },
    {
      goal: 'S2',
      name: 'Unge i gang med en ungdomsuddannelse 15 måneder efter 9. klasse',
      unit: '%',
      direction: INCREASE,
      source: 'Aarhus Kommune, Børn og Unge',
      baseline: 62,
      target: 75,
      measurements: [
        [400, 65],
        [40, 70, 'Årgangen der forlod 9. klasse for 15 måneder siden'],
      ],
    },
    {
      goal: 'S3',
      name: 'Unge 13-17 år med fritidsjob',
      unit: '%',
      direction: INCREASE,
      source: 'Fritidsjobindsatsens opgørelse',
      baseline: 18,
      target: 30,
      measurements: [
        [500, 21],
        [300, 24],
        [60, 26],
      ],
    },
    {
      goal: 'S4',
      name: 'Ledige beboere med individuel jobplan',
      unit: 'personer (akkumuleret)',
      direction: INCREASE,
      source: 'Jobcenter Aarhus',
      baseline: 0,
      target: 120,
      measurements: [
        [480, 18],
        [300, 41],
        [120, 58],
        [35, 70],
      ],
    },
    {
      goal: 'E2',
      name: 'Beskæftigelsesfrekvens blandt beboere 18-64 år',
      unit: '%',
      direction: INCREASE,
      source: 'Danmarks Statistik via Landsbyggefondens boligsociale data',
      baseline: 41,
      target: 47,
      measurements: [
        [330, 42.6],
        [60, 44.5],
      ],
    },
    {
      goal: 'E3',
      name: 'Beboere der føler sig trygge i området',
      unit: '%',
      direction: INCREASE,
      source: 'Årlig tryghedsmåling blandt beboerne',
      baseline: 68,
      target: 80,
      measurements: [
        [380, 72],
        [50, 76],
      ],
    },
    {
      goal: 'E3',
      name: 'Anmeldte hærværks- og indbrudssager i området',
      unit: 'sager pr. år',
      direction: DECREASE,
      source: 'Østjyllands Politi, lokalrådet',
      baseline: 54,
      target: 30,
      measurements: [
        [390, 47],
        [30, 38, 'Opgjort for de seneste 12 måneder'],
      ],
    },
  ],
  activities: [
    {
      key: 'lektiecafe',
      title: 'Lektiecafé i Fælleshuset',
      description: 'Lektiehjælp fire eftermiddage om ugen med frivillige og en fast koordinator.',
      targetGroup: 'Børn i 1.-6. klasse',
      party: JOINT,
      focusArea: UDDANNELSE,
      start: day(30),
      budget: 1_200_000,
      status: ACTIVE,
      links: [{ goal: 'S1', weight: 1, rationale: 'Lektiecaféen er planens vigtigste tilbud om fast lektiehjælp.' }],
      progress: [
        p(day(90), 8, 22, 70_000, 'Lektiecaféen åbnet; 9 frivillige tilknyttet.'),
        p(ago(460), 20, 31, 230_000, 'Samarbejde med skolen om læsebånd er aftalt.'),
        p(ago(280), 33, 38, 390_000, 'Flere børn fra 5.-6. klasse efter målrettet forældreinformation.'),
        p(ago(130), 42, 41, 500_000, 'Læsemakkere fra 8. klasse supplerer de frivillige.'),
        p(ago(25), 52, 44, 610_000, 'Stabilt fremmøde; ventelisten til onsdagsholdet er afviklet.'),
      ],
    },
    {
      key: 'forældrecafe',
      title: 'Forældrecafé om skole og lektier',
      description: 'Månedlige cafémøder, hvor forældre lærer skolens systemer at kende og støtte lektielæsningen.',
      targetGroup: 'Forældre til børn i 0.-6. klasse',
      party: JOINT,
      focusArea: SAMMENHAENG,
      start: day(120),
      budget: 450_000,
      status: ACTIVE,
      links: [
        { goal: 'S1', weight: 1, rationale: 'Forældre der kan støtte lektierne, får flere børn til lektiecaféen.' },
        { goal: 'E1', weight: 1, rationale: 'Forældreinddragelse styrker børnenes skolegang bredt.' },
      ],
      progress: [
        p(day(200), 15, 14, 60_000, 'Første caféaftener holdt; tolk på arabisk og somali.'),
        p(ago(330), 30, 26, 140_000, 'Skolens AULA-kursus for forældre var fuldt booket.'),
        p(ago(150), 42, 31, 190_000, 'Fædregruppe startet.'),
        p(ago(10), 55, 37, 250_000, 'Forældre har selv overtaget planlægningen af to caféaftener.'),
      ],
    },
    {
      key: 'brobygning',
      title: 'Brobygning til ungdomsuddannelse',
      description: 'Besøg på ungdomsuddannelser, uddannelsesvejledning og mentorstøtte i overgangen efter 9. klasse.',
      targetGroup: 'Unge 14-17 år og deres forældre',
      party: MUNICIPALITY,
      focusArea: UDDANNELSE,
      start: day(60),
      endDay: 1275,
      budget: 900_000,
      status: ACTIVE,
      links: [
        {
          goal: 'S2',
          weight: 1,
          rationale: 'Vejledning og mentorer i overgangen er den direkte vej til flere unge i ungdomsuddannelse.',
        },
      ],
      progress: [
        p(day(150), 12, 18, 90_000, 'Aftale med tre erhvervsskoler om brobygningsdage.'),
        p(ago(400), 30, 35, 260_000, 'Første årgang fulgt fra 9. klasse ind på uddannelse.'),
        p(ago(200), 45, 47, 400_000, 'Mentorkorps udvidet med to frivillige fra erhvervslivet.'),
        p(ago(40), 58, 56, 510_000, 'Frafaldet i første semester er lavere end sidste år.'),
      ],
    },
    {
      key: 'fritidsjob',
      title: 'Fritidsjobindsats',
      description: 'Fritidsjobkonsulent der matcher unge med lokale arbejdsgivere og følger op på de første måneder.',
      targetGroup: 'Unge 13-17 år',
      party: JOINT,
      focusArea: BESKAEFTIGELSE,
      start: day(0),
      budget: 1_100_000,
      status: ACTIVE,
      links: [
        { goal: 'S3', weight: 3, rationale: 'Indsatsen skaffer fritidsjob; det er dens hovedformål.' },
        {
          goal: 'S2',
          weight: 1,
          rationale: 'Erfaring fra et fritidsjob øger motivationen for at begynde på en ungdomsuddannelse.',
        },
      ],
      progress: [
        p(day(60), 5, 12, 40_000, 'Fritidsjobkonsulent ansat; første jobsamtaler holdt.'),
        p(ago(500), 22, 41, 250_000, 'Samarbejdsaftale med supermarked og idrætscenter.'),
        p(ago(300), 38, 63, 420_000, '24 unge i fritidsjob ved sæsonstart.'),
        p(ago(120), 50, 78, 550_000, 'Jobmesse i Fælleshuset med 11 lokale arbejdsgivere.'),
        p(ago(15), 61, 92, 670_000, 'Fastholdelsen efter tre måneder er steget til 80 %.'),
      ],
    },
    {
      key: 'jobcafe',
      title: 'Jobcafé og virksomhedsnetværk',
      description: 'Ugentlig jobcafé med jobcentrets virksomhedskonsulenter og et netværk af lokale virksomheder.',
      targetGroup: 'Ledige beboere 25-64 år',
      party: MUNICIPALITY,
      focusArea: BESKAEFTIGELSE,
      start: day(90),
      budget: 1_600_000,
      status: ACTIVE,
      links: [
        { goal: 'S4', weight: 2, rationale: 'Jobplanerne laves i jobcaféen sammen med jobcentret.' },
        { goal: 'E2', weight: 1, rationale: 'Virksomhedsnetværket skaffer praktik og ordinære job.' },
      ],
      progress: [
        p(day(180), 10, 25, 160_000, 'Jobcaféen åben hver tirsdag; jobcentret deltager fast.'),
        p(ago(360), 28, 64, 450_000, '14 virksomheder i netværket.'),
        p(ago(180), 40, 88, 640_000, 'Første hold i virksomhedspraktik.'),
        p(ago(33), 50, 105, 800_000, '12 beboere i ordinært job via netværket i år.'),
      ],
    },
    {
      key: 'tryghed',
      title: 'Tryghedsvandringer og gårdmænd i dialog',
      description: 'Kvartalsvise tryghedsvandringer med politi og beboere; ejendomsfunktionærer følger op på fund.',
      targetGroup: 'Alle beboere',
      party: HOUSING_ORGANISATION,
      focusArea: KRIMINALITET,
      start: day(30),
      budget: 600_000,
      status: ACTIVE,
      links: [{ goal: 'E3', weight: 1, rationale: 'Belysning, beplantning og synlige voksne øger trygheden.' }],
      progress: [
        p(ago(600), 10, 40, 50_000, 'Første tryghedsvandring: 23 fund, bl.a. mørke stisystemer.'),
        p(ago(420), 25, 65, 150_000, 'Ny belysning ved stien til Engvangen.'),
        p(ago(240), 38, 82, 230_000, 'Beboere har selv taget initiativ til en vandring.'),
        p(ago(20), 52, 110, 320_000, 'Hærværk ved affaldsøerne halveret efter ny indretning.'),
      ],
    },
    {
      // Demo: a CANCELLED activity. It stays linked to E3 but is left out of every roll-up and count.
      key: 'natteravne',
      title: 'Natteravne i weekenderne',
      description: 'Frivillige natteravne fredag og lørdag aften i samarbejde med den lokale forening.',
      targetGroup: 'Unge 15-22 år',
      party: OTHER,
      focusArea: KRIMINALITET,
      start: day(60),
      budget: 250_000,
      status: CANCELLED,
      links: [{ goal: 'E3', weight: 1, rationale: 'Voksne i gadebilledet om aftenen øger trygheden.' }],
      progress: [
        p(day(120), 10, 15, 18_000, 'To ture om måneden; svært at skaffe frivillige.'),
        p(
          ago(450),
          10,
          15,
          31_000,
          'Aflyst: foreningen kan ikke stille frivillige. Midlerne flyttes til tryghedsvandringerne.',
          CANCELLED,
        ),
      ],
    },
    {
      key: 'beboerundersogelse',
      title: 'Beboerundersøgelse ved helhedsplanens start',
      description: 'Dør-til-dør-undersøgelse af beboernes ønsker og oplevelse af området; grundlag for baselines.',
      targetGroup: 'Alle husstande',
      party: HOUSING_ORGANISATION,
      focusArea: SAMMENHAENG,
      start: day(0),
      endDay: 120,
      budget: 150_000,
      status: COMPLETED,
      links: [
        { goal: 'A', weight: 1, rationale: 'Undersøgelsen giver udgangspunktet for hele planens målstyring.' },
      ],
      progress: [
        p(day(50), 40, 180, 60_000, 'Halvdelen af opgangene besøgt.'),
        p(
          day(118),
          100,
          412,
          148_500,
          'Afsluttet: 412 husstande svarede (61 %). Rapport sendt til bestyrelsen.',
          COMPLETED,
        ),
      ],
    },
  ],
};

// Plan 2: the plan that needs attention. Co-financing 1.9 / (5.0 + 1.9) = 0.275 is fine.
const PLAN_2: PlanSpec = {
  number: 2,
  title: 'Helhedsplan Lærkehaven – tryghed og fællesskab',
  pool: '2019-26-midlerne',
  municipalityCode: '751',
  housingOrganisations: ['Østjyllands Almene Boligselskab'],
  areaSecretariat: true,
  housingAreas: ['Lærkehaven'],
  startMonthsAgo: 22,
  lbfGrant: 5_000_000,
  localCofinancing: 1_900_000,
  secretariat: 'projekt2@planspor.demo',
  goals: [
    {
      key: 'B',
      kind: OVERALL,
      title: 'Lærkehaven er et trygt og inkluderende boligområde med stærke fællesskaber',
    },
    {
      key: 'F1',
      parent: 'B',
      kind: EFFECT,
      title: 'Færre børn og unge fra Lærkehaven begår kriminalitet',
      focusArea: KRIMINALITET,
    },
    {
      key: 'T1',
      parent: 'F1',
      kind: SUB,
      title: 'Kriminalitetstruede unge har en fast voksenkontakt',
      focusArea: KRIMINALITET,
    },
    {
      key: 'F2',
      parent: 'B',
      kind: EFFECT,
      title: 'Flere beboere deltager aktivt i fællesskaber og beboerdemokrati',
      focusArea: SAMMENHAENG,
    },
    { key: 'T2', parent: 'F2', kind: SUB, title: 'Flere beboere engagerer sig som frivillige', focusArea: SAMMENHAENG },
    {
      // Demo: a goal whose subtree no activity serves ("goalsWithoutActivities"). It has an indicator,
      // but nobody measures it either (status NO_DATA).
      key: 'T3',
      parent: 'F2',
      kind: SUB,
      title: 'Nye beboere bydes velkommen og kender områdets tilbud',
      focusArea: SAMMENHAENG,
    },
    {
      // Demo: a goal without any indicator in its subtree ("goalsWithoutIndicators"). An activity serves it.
      key: 'F3',
      parent: 'B',
      kind: EFFECT,
      title: 'Flere kvinder uden for arbejdsmarkedet kommer tættere på job',
      description: 'Succeskriterier er endnu ikke aftalt med jobcentret.',
      focusArea: BESKAEFTIGELSE,
    },
  ],
  indicators: [
    {
      // Demo: an OFF_TRACK indicator. DECREASE from 28 to 16; latest 26, so attainment
      // (26 − 28) / (16 − 28) = 0.17 against a threshold of about 0.33.
      goal: 'F1',
      name: 'Unge 15-25 år fra området sigtet for overtrædelse af straffeloven',
      unit: 'personer pr. år',
      direction: DECREASE,
      source: 'Østjyllands Politi via SSP Aarhus',
      baseline: 28,
      target: 16,
      measurements: [
        [420, 29, 'Stigning efter konflikt mellem to grupper'],
        [60, 26],
      ],
    },
    {
      goal: 'T1',
      name: 'Kriminalitetstruede unge med fast mentor',
      unit: 'unge',
      direction: INCREASE,
      source: 'Mentorordningens register',
      baseline: 0,
      target: 40,
      measurements: [
        [400, 9],
        [220, 16],
        [30, 22],
      ],
    },
    {
      goal: 'F2',
      name: 'Fremmøde ved afdelingsmødet',
      unit: '% af husstandene',
      direction: INCREASE,
      source: 'Afdelingsbestyrelsens referater',
      baseline: 8,
      target: 15,
      measurements: [
        [300, 9],
        [50, 12],
      ],
    },
    {
      goal: 'T2',
      name: 'Aktive frivillige i Lærkehaven',
      unit: 'personer',
      direction: INCREASE,
      source: 'Frivilligcentrets opgørelse',
      baseline: 15,
      target: 45,
      measurements: [
        [380, 20],
        [200, 26],
        [40, 31],
      ],
    },
    {
      // No measurements: status NO_DATA (nobody works on goal T3).
      goal: 'T3',
      name: 'Nye beboere der har deltaget i et velkomstmøde',
      unit: '%',
      direction: INCREASE,
      source: 'Udlejningens indflytningsliste',
      baseline: 10,
      target: 60,
      measurements: [],
    },
  ],
  activities: [
    {
      key: 'mentor',
      title: 'Mentorordning for kriminalitetstruede unge',
      description: 'Frivillige og ansatte mentorer med ugentlig kontakt; henvisning via SSP og skolen.',
      targetGroup: 'Unge 12-18 år i risiko for kriminalitet',
      party: MUNICIPALITY,
      focusArea: KRIMINALITET,
      start: day(30),
      budget: 1_400_000,
      status: ACTIVE,
      links: [
        { goal: 'T1', weight: 2, rationale: 'Mentoren er den faste voksenkontakt.' },
        { goal: 'F1', weight: 1, rationale: 'En fast voksen mindsker risikoen for ny kriminalitet.' },
      ],
      progress: [
        p(day(90), 10, 6, 110_000, 'Seks unge matchet med mentor.'),
        p(ago(400), 25, 11, 380_000, 'Mentorkorps uddannet sammen med SSP.'),
        p(ago(220), 40, 17, 600_000, 'Forældresamtaler indført ved opstart af hvert forløb.'),
        p(ago(30), 55, 23, 790_000, 'Otte forløb afsluttet; ingen af de unge er sigtet under forløbet.'),
      ],
    },
    {
      // Demo: a stale activity. ACTIVE, started long ago, last progress entry 150 days before today,
      // beyond the plan's 90-day reporting interval ("staleActivities", Activity.isStale).
      key: 'gadeplan',
      title: 'Gadeplansmedarbejdere aften og weekend',
      description: 'To gadeplansmedarbejdere i området torsdag til lørdag aften.',
      targetGroup: 'Unge 14-25 år i gadebilledet',
      party: JOINT,
      focusArea: KRIMINALITET,
      start: day(0),
      budget: 1_800_000,
      status: ACTIVE,
      links: [
        { goal: 'F1', weight: 1, rationale: 'Relationsarbejde på gaden forebygger kriminalitet og uro.' },
      ],
      progress: [
        p(day(45), 8, 30, 120_000, 'Teamet er i gang; kontakt til tre grupper af unge.'),
        p(ago(420), 20, 55, 520_000, 'Samarbejde med klubben om aftenåbning.'),
        p(ago(150), 28, 61, 760_000, 'Den ene medarbejder har sagt op; stillingen er slået op.'),
      ],
    },
    {
      key: 'frivilligcenter',
      title: 'Frivilligcenter og foreningsguide',
      description: 'Et lokalt frivilligcenter der hjælper beboere i gang i foreninger og beboerdemokrati.',
      targetGroup: 'Voksne beboere',
      party: HOUSING_ORGANISATION,
      focusArea: SAMMENHAENG,
      start: day(60),
      budget: 700_000,
      status: ACTIVE,
      links: [
        { goal: 'T2', weight: 1, rationale: 'Frivilligcentret rekrutterer og fastholder frivillige.' },
        { goal: 'F2', weight: 1, rationale: 'Foreningsguiden bringer beboere til afdelingsmøder og foreninger.' },
      ],
      progress: [
        p(day(120), 10, 12, 50_000, 'Frivilligcentret åbnet i den tidligere vaskerikælder.'),
        p(ago(380), 25, 28, 190_000, 'Foreningsguide-forløb for 10 beboere.'),
        p(ago(200), 38, 41, 290_000, 'Beboerne har stiftet en cykelværkstedsforening.'),
        p(ago(18), 50, 57, 370_000, 'Fremmødet ved afdelingsmødet steg til 12 %.'),
      ],
    },
    {
      key: 'kvindenetvaerk',
      title: 'Kvindenetværk og jobrettede forløb',
      description: 'Netværksgruppe med danskundervisning, praktik og vejledning i samarbejde med jobcentret.',
      targetGroup: 'Kvinder 25-55 år uden for arbejdsmarkedet',
      party: MUNICIPALITY,
      focusArea: BESKAEFTIGELSE,
      start: day(90),
      budget: 900_000,
      status: ACTIVE,
      links: [{ goal: 'F3', weight: 1, rationale: 'Forløbene er rettet direkte mod målgruppen for F3.' }],
      progress: [
        p(day(150), 12, 14, 80_000, 'Første hold på 14 kvinder.'),
        p(ago(300), 30, 29, 260_000, 'Seks kvinder i praktik i ældreplejen.'),
        p(ago(100), 42, 38, 370_000, 'To kvinder i ordinært job, tre i uddannelse.'),
        p(ago(12), 51, 45, 450_000, 'Tredje hold i gang; venteliste.'),
      ],
    },
    {
      // Not stale although PLANNED without progress: it starts 60 days after today.
      key: 'beboerfester',
      title: 'Fællesspisning og årstidsfester',
      description: 'Månedlig fællesspisning og fire årlige fester planlagt af beboerne.',
      targetGroup: 'Alle beboere',
      party: HOUSING_ORGANISATION,
      focusArea: SAMMENHAENG,
      start: ago(-60),
      budget: 300_000,
      status: PLANNED,
      links: [{ goal: 'T2', weight: 1, rationale: 'Festerne er en vej ind til frivilligt arbejde.' }],
      progress: [],
    },
  ],
};

// Plan 3: København. Demo: co-financing below the pool's minimum ("cofinancingBelowMinimum"):
// 900 000 / (4 000 000 + 900 000) = 0.184 < 0.25.
const PLAN_3: PlanSpec = {
  number: 3,
  title: 'Boligsocial helhedsplan for Kongshøj Vænge',
  pool: '2019-26-midlerne',
  municipalityCode: '101',
  housingOrganisations: ['Boligselskabet Amagerhus'],
  areaSecretariat: false,
  housingAreas: ['Kongshøj Vænge', 'Kongshøj Have'],
  startMonthsAgo: 26,
  lbfGrant: 4_000_000,
  localCofinancing: 900_000,
  secretariat: 'projekt3@planspor.demo',
  goals: [
    {
      key: 'C',
      kind: OVERALL,
      title: 'Børn og unge i Kongshøj Vænge har de samme livschancer som andre københavnske børn og unge',
    },
    {
      key: 'G1',
      parent: 'C',
      kind: EFFECT,
      title: 'Flere børn er sprogligt parate ved skolestart',
      focusArea: UDDANNELSE,
    },
    {
      key: 'U1',
      parent: 'G1',
      kind: SUB,
      title: 'Flere familier deltager i sprogstimulerende forløb',
      focusArea: UDDANNELSE,
    },
    {
      key: 'G2',
      parent: 'C',
      kind: EFFECT,
      title: 'Flere unge 18-29 år er i job eller uddannelse',
      focusArea: BESKAEFTIGELSE,
    },
  ],
  indicators: [
    {
      goal: 'G1',
      name: 'Børn vurderet sprogligt parate ved skolestart',
      unit: '%',
      direction: INCREASE,
      source: 'Københavns Kommune, sprogvurdering i 0. klasse',
      baseline: 58,
      target: 75,
      measurements: [
        [430, 62],
        [70, 68],
      ],
    },
    {
      // No baseline was ever set: status NO_BASELINE although it has measurements.
      goal: 'U1',
      name: 'Familier der har gennemført et sprogforløb',
      unit: 'familier (akkumuleret)',
      direction: INCREASE,
      source: 'Familieklubbens deltagerliste',
      baseline: null,
      target: 60,
      measurements: [
        [480, 14],
        [300, 27],
        [60, 41],
      ],
    },
    {
      goal: 'G2',
      name: 'Unge 18-29 år uden job eller uddannelse',
      unit: 'personer',
      direction: DECREASE,
      source: 'Danmarks Statistik via Landsbyggefondens boligsociale data',
      baseline: 95,
      target: 65,
      measurements: [
        [400, 90],
        [45, 76],
      ],
    },
  ],
  activities: [
    {
      key: 'familieklub',
      title: 'Familieklubben: sprogstimulering i hjemmet',
      description: 'Sundhedsplejerske og sprogvejleder besøger familier og holder ugentlig familieklub.',
      targetGroup: 'Familier med børn 0-5 år',
      party: MUNICIPALITY,
      focusArea: UDDANNELSE,
      start: day(30),
      budget: 800_000,
      status: ACTIVE,
      links: [{ goal: 'U1', weight: 1, rationale: 'Familieklubben er sprogforløbet.' }],
      progress: [
        p(day(100), 10, 9, 70_000, 'Første familier rekrutteret via sundhedsplejen.'),
        p(ago(500), 28, 18, 230_000, 'Ugentlig familieklub i beboerhuset.'),
        p(ago(300), 45, 29, 370_000, 'Bogstart-samarbejde med biblioteket.'),
        p(ago(120), 58, 36, 470_000, 'Ventetid på hjemmebesøg nedbragt til to uger.'),
        p(ago(22), 66, 42, 540_000, '41 familier har gennemført et forløb.'),
      ],
    },
    {
      key: 'lektiehjaelp',
      title: 'Lektiehjælp med frivillige studerende',
      description: 'Studerende fra professionshøjskolen giver lektiehjælp to gange om ugen.',
      targetGroup: 'Børn i 0.-3. klasse',
      party: OTHER,
      focusArea: UDDANNELSE,
      start: day(30),
      budget: 400_000,
      status: PAUSED,
      links: [{ goal: 'G1', weight: 1, rationale: 'Tidlig læsestøtte styrker børnenes sprog.' }],
      progress: [
        p(day(90), 10, 16, 30_000, 'Tolv studerende tilknyttet.'),
        p(ago(400), 30, 27, 120_000, 'Fast samarbejde med indskolingen.'),
        // Not stale although its last entry is 120 days old: only PLANNED and ACTIVE can be stale.
        p(ago(120), 40, 27, 150_000, 'Sat på pause: for få studerende i dette semester.', PAUSED),
      ],
    },
    {
      key: 'ungevejledning',
      title: 'Ungevejledning i Kongshøj-huset',
      description: 'Åben vejledning om job, uddannelse og SU med Ungdommens Uddannelsesvejledning og jobcentret.',
      targetGroup: 'Unge 18-29 år uden job eller uddannelse',
      party: JOINT,
      focusArea: BESKAEFTIGELSE,
      start: day(60),
      budget: 1_000_000,
      status: ACTIVE,
      links: [
        { goal: 'G2', weight: 1, rationale: 'Vejledningen møder de unge, der hverken er i job eller uddannelse.' },
      ],
      progress: [
        p(day(150), 10, 21, 90_000, 'Åben vejledning to eftermiddage om ugen.'),
        p(ago(450), 25, 48, 280_000, 'Jobcentret har fast medarbejder i huset.'),
        p(ago(250), 40, 73, 430_000, 'Sommerkursus i jobsøgning for 15 unge.'),
        p(ago(35), 55, 101, 600_000, '17 unge i job eller uddannelse siden sidste måling.'),
      ],
    },
    {
      key: 'raadgivning',
      title: 'Gælds- og økonomirådgivning',
      description: 'Individuel rådgivning om gæld og økonomi, så unge og familier kan tage imod job og uddannelse.',
      targetGroup: 'Beboere med gæld eller huslejerestancer',
      party: MUNICIPALITY,
      focusArea: BESKAEFTIGELSE,
      start: day(90),
      budget: 700_000,
      status: ACTIVE,
      links: [
        { goal: 'G2', weight: 1, rationale: 'Gæld er en ofte nævnt barriere for at tage imod job eller SU.' },
        { goal: 'C', weight: 1, rationale: 'Stabil økonomi i familien styrker børnenes livschancer generelt.' },
      ],
      progress: [
        p(day(180), 12, 19, 80_000, 'Rådgiver fra kommunen i huset hver torsdag.'),
        p(ago(380), 28, 47, 230_000, 'Samarbejde med Den Sociale Retshjælp.'),
        p(ago(200), 40, 68, 330_000, 'Otte udsættelser afværget.'),
        p(ago(40), 53, 90, 440_000, 'Rådgivning udvidet til onlinetid.'),
      ],
    },
    {
      // Demo: a non-cancelled activity linked to no goal ("activitiesWithoutGoals"). It is reported on
      // time, so it is not stale.
      key: 'kulturnat',
      title: 'Kulturnat og sommerfest',
      description: 'Årlig kulturnat og sommerfest planlagt af beboerne.',
      targetGroup: 'Alle beboere',
      party: HOUSING_ORGANISATION,
      focusArea: SAMMENHAENG,
      start: day(0),
      budget: 250_000,
      status: ACTIVE,
      links: [],
      progress: [
        p(day(60), 10, 150, 25_000, 'Festudvalg nedsat.'),
        p(ago(420), 35, 420, 90_000, 'Første sommerfest: ca. 400 deltagere.'),
        p(ago(140), 55, 610, 150_000, 'Kulturnat med fem nationaliteters køkken.'),
        p(ago(8), 70, 780, 190_000, 'Årets sommerfest evalueret; flere frivillige end sidste år.'),
      ],
    },
  ],
};

const PLANS: PlanSpec[] = [PLAN_1, PLAN_2, PLAN_3];

// ---------------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;

function parseDay(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`loadDemoData: today must be YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (formatDay(ms / DAY_MS) !== date) throw new Error(`loadDemoData: ${date} is not a date`);
  return ms / DAY_MS;
}

function formatDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** A timestamp on a day, `minutes` after 08:00 UTC: history gets plausible, strictly ordered times. */
function timestamp(dayNumber: number, minutes: number): string {
  return new Date(dayNumber * DAY_MS + (8 * 60 + minutes) * 60_000).toISOString();
}

/** The first day of the month `months` months before the month of `dayNumber`. */
function firstOfMonthBefore(dayNumber: number, months: number): number {
  const d = new Date(dayNumber * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1) / DAY_MS;
}

/** The day before the same date `months` later: a plan running 48 months from 1 May ends 30 April. */
function lastDayAfterMonths(dayNumber: number, months: number): number {
  const d = new Date(dayNumber * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()) / DAY_MS - 1;
}

// ---------------------------------------------------------------------------------------------
// SQL

type Row = Record<string, unknown>;

/** One multi-row INSERT with positional parameters. */
async function insertRows<T extends Row = Row>(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  returning?: string,
): Promise<T[]> {
  if (rows.length === 0) return [];
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    if (row.length !== columns.length) {
      throw new Error(`demo ${table}: ${row.length} values for ${columns.length} columns`);
    }
    return `(${row.map((value) => `$${params.push(value)}`).join(', ')})`;
  });
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}${
    returning ? ` RETURNING ${returning}` : ''
  }`;
  return (await manager.query(sql, params)) as T[];
}

/** Maps RETURNING rows by a natural key, so nothing depends on the order rows come back in. */
function byKey(rows: Row[], key: (row: Row) => string): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of rows) map.set(key(row), String(row.id));
  return map;
}

function lookup(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (id === undefined) throw new Error(`demo data: unknown ${what} ${JSON.stringify(key)}`);
  return id;
}

// ---------------------------------------------------------------------------------------------
// Loader

/**
 * Loads the demo into an EMPTY database. The caller checks emptiness and wraps this in a transaction.
 * About 20 statements: one multi-row INSERT per table (goals: one per tree level) and one UPDATE.
 */
export async function loadDemoData(manager: EntityManager, today: string): Promise<void> {
  const todayDay = parseDay(today);

  // scrypt is slow (~100-200 ms a hash): hash each distinct password once, while the registry is inserted.
  const passwords = [...new Set(DEMO_USERS.map((user) => user.password))];
  const hashing = Promise.all(passwords.map((password) => hashPassword(password))).then(
    (hashes) => new Map(passwords.map((password, i) => [password, hashes[i]])),
  );
  hashing.catch(() => undefined); // a failure surfaces where it is awaited, not as an unhandled rejection

  // --- registry ---
  const poolIds = byKey(
    await insertRows(
      manager,
      'pools',
      ['name', 'start_year', 'end_year', 'min_cofinancing_share', 'created_at'],
      POOLS.map((pool) => [
        pool.name,
        pool.startYear,
        pool.endYear,
        MIN_COFINANCING_SHARE,
        timestamp(todayDay - 1200, 0),
      ]),
      'id, name',
    ),
    (row) => String(row.name),
  );
  const focusAreaIds = byKey(
    await insertRows(
      manager,
      'focus_areas',
      ['pool_id', 'name', 'position'],
      POOLS.flatMap((pool) => pool.focusAreas.map((name, i) => [lookup(poolIds, pool.name, 'pool'), name, i + 1])),
      'id, pool_id, name',
    ),
    (row) => `${String(row.pool_id)}/${String(row.name)}`,
  );
  const municipalityIds = byKey(
    await insertRows(
      manager,
      'municipalities',
      ['name', 'code'],
      MUNICIPALITIES.map((m) => [m.name, m.code]),
      'id, code',
    ),
    (row) => String(row.code),
  );
  const organisationIds = byKey(
    await insertRows(
      manager,
      'housing_organisations',
      ['name'],
      HOUSING_ORGANISATIONS.map((name) => [name]),
      'id, name',
    ),
    (row) => String(row.name),
  );
  const [areaSecretariat] = await insertRows(manager, 'area_secretariats', ['name'], [[AREA_SECRETARIAT]], 'id');
  const areaSecretariatId = String(areaSecretariat.id);

  // Users without a plan first: the plans record the LBF user as their creator.
  const hashByPassword = await hashing;
  const insertUsers = async (users: DemoUser[], planIdOf: (plan: DemoPlanNumber) => string) =>
    byKey(
      await insertRows(
        manager,
        'users',
        ['email', 'name', 'password_hash', 'role', 'plan_id', 'area_secretariat_id'],
        users.map((user) => [
          user.email,
          user.name,
          hashByPassword.get(user.password),
          user.role,
          user.plan === undefined ? null : planIdOf(user.plan),
          user.areaSecretariat ? areaSecretariatId : null,
        ]),
        'id, email',
      ),
      (row) => String(row.email),
    );
  const userIds = await insertUsers(
    DEMO_USERS.filter((user) => user.plan === undefined),
    () => {
      throw new Error('demo data: users with a plan are inserted after the plans');
    },
  );
  const lbfUserId = lookup(userIds, 'lbf@planspor.demo', 'user');

  // --- plans ---
  const planDates = new Map<DemoPlanNumber, { start: number; end: number }>();
  for (const plan of PLANS) {
    const start = firstOfMonthBefore(todayDay, plan.startMonthsAgo);
    planDates.set(plan.number, { start, end: lastDayAfterMonths(start, 48) });
  }
  const dates = (plan: PlanSpec) => planDates.get(plan.number)!;
  const planTitle = (plan: PlanSpec) => {
    const { start, end } = dates(plan);
    return `${plan.title} ${formatDay(start).slice(0, 4)}-${formatDay(end).slice(0, 4)}`;
  };
  const planRows = await insertRows(
    manager,
    'plans',
    [
      'title',
      'status',
      'pool_id',
      'municipality_id',
      'area_secretariat_id',
      'housing_areas',
      'start_date',
      'end_date',
      'lbf_grant',
      'local_cofinancing',
      'reporting_interval_days',
      'created_at',
      'created_by',
      'updated_at',
      'updated_by',
    ],
    PLANS.map((plan) => {
      const { start, end } = dates(plan);
      const created = timestamp(start - 30, plan.number);
      return [
        planTitle(plan),
        'ACTIVE',
        lookup(poolIds, plan.pool, 'pool'),
        lookup(municipalityIds, plan.municipalityCode, 'municipality'),
        plan.areaSecretariat ? areaSecretariatId : null,
        plan.housingAreas,
        formatDay(start),
        formatDay(end),
        plan.lbfGrant,
        plan.localCofinancing,
        90,
        created,
        lbfUserId,
        created,
        lbfUserId,
      ];
    }),
    'id, title',
  );
  const planIdByTitle = byKey(planRows, (row) => String(row.title));
  const planIds = new Map<DemoPlanNumber, string>(
    PLANS.map((plan) => [plan.number, lookup(planIdByTitle, planTitle(plan), 'plan')]),
  );
  const planId = (plan: PlanSpec) => planIds.get(plan.number)!;

  await insertRows(
    manager,
    'plan_housing_organisations',
    ['plan_id', 'housing_organisation_id', 'position'],
    PLANS.flatMap((plan) =>
      plan.housingOrganisations.map((name, i) => [
        planId(plan),
        lookup(organisationIds, name, 'housing organisation'),
        i + 1,
      ]),
    ),
  );

  for (const [email, id] of await insertUsers(
    DEMO_USERS.filter((user) => user.plan !== undefined),
    (number) => planIds.get(number)!,
  )) {
    userIds.set(email, id);
  }
  const secretariatId = (plan: PlanSpec) => lookup(userIds, plan.secretariat, 'user');
  const focusAreaId = (plan: PlanSpec, name: string) =>
    lookup(focusAreaIds, `${lookup(poolIds, plan.pool, 'pool')}/${name}`, `focus area of ${plan.pool}`);
  const dayOf = (plan: PlanSpec, when: When) => ('day' in when ? dates(plan).start + when.day : todayDay - when.ago);

  // --- goals: one INSERT per tree level, parents before children ---
  const goalIds = new Map<string, string>(); // `${plan}/${goal key}` -> id
  const goalKey = (plan: PlanSpec, key: string) => `${plan.number}/${key}`;
  const depth = (plan: PlanSpec, goal: GoalSpec): number => {
    let d = 0;
    for (let g: GoalSpec | undefined = goal; g?.parent; g = plan.goals.find((x) => x.key === g!.parent)) d++;
    return d;
  };
  for (let level = 0; ; level++) {
    const batch = PLANS.flatMap((plan) =>
      plan.goals
        .map((goal, ordinal) => ({ plan, goal, ordinal }))
        .filter(({ goal }) => depth(plan, goal) === level),
    );
    if (batch.length === 0) break;
    const rows = await insertRows(
      manager,
      'goals',
      [
        'plan_id',
        'parent_id',
        'kind',
        'title',
        'description',
        'focus_area_id',
        'created_at',
        'created_by',
        'updated_at',
        'updated_by',
      ],
      batch.map(({ plan, goal, ordinal }) => {
        const created = timestamp(dates(plan).start - 20, ordinal);
        return [
          planId(plan),
          goal.parent ? lookup(goalIds, goalKey(plan, goal.parent), 'goal') : null,
          goal.kind,
          goal.title,
          goal.description ?? null,
          goal.focusArea ? focusAreaId(plan, goal.focusArea) : null,
          created,
          secretariatId(plan),
          created,
          secretariatId(plan),
        ];
      }),
      'id, plan_id, title',
    );
    const ids = byKey(rows, (row) => `${String(row.plan_id)}/${String(row.title)}`);
    for (const { plan, goal } of batch) {
      goalIds.set(goalKey(plan, goal.key), lookup(ids, `${planId(plan)}/${goal.title}`, 'goal'));
    }
  }

  // --- indicators and measurements ---
  const indicatorBatch = PLANS.flatMap((plan) =>
    plan.indicators.map((indicator, ordinal) => ({ plan, indicator, ordinal })),
  );
  const indicatorIds = byKey(
    await insertRows(
      manager,
      'indicators',
      [
        'plan_id',
        'goal_id',
        'name',
        'unit',
        'direction',
        'source',
        'baseline',
        'baseline_date',
        'target',
        'target_date',
        'created_at',
        'created_by',
      ],
      indicatorBatch.map(({ plan, indicator, ordinal }) => [
        planId(plan),
        lookup(goalIds, goalKey(plan, indicator.goal), 'goal'),
        indicator.name,
        indicator.unit,
        indicator.direction,
        indicator.source ?? null,
        indicator.baseline,
        indicator.baseline === null ? null : formatDay(dates(plan).start - 60),
        indicator.target,
        formatDay(dates(plan).end),
        timestamp(dates(plan).start - 18, ordinal),
        secretariatId(plan),
      ]),
      'id, plan_id, name',
    ),
    (row) => `${String(row.plan_id)}/${String(row.name)}`,
  );
  await insertRows(
    manager,
    'measurements',
    ['plan_id', 'indicator_id', 'measured_on', 'value', 'note', 'recorded_by', 'recorded_at'],
    indicatorBatch.flatMap(({ plan, indicator, ordinal }) =>
      indicator.measurements.map(([daysAgo, value, note]) => {
        const measuredOn = todayDay - daysAgo;
        return [
          planId(plan),
          lookup(indicatorIds, `${planId(plan)}/${indicator.name}`, 'indicator'),
          formatDay(measuredOn),
          value,
          note ?? null,
          secretariatId(plan),
          timestamp(Math.min(measuredOn + 2, todayDay - 1), ordinal),
        ];
      }),
    ),
  );

  // --- activities, links, progress ---
  const activityBatch = PLANS.flatMap((plan) =>
    plan.activities.map((activity, ordinal) => ({ plan, activity, ordinal })),
  );
  // An activity was entered two weeks before it started, or when the plan was set up, never in the future.
  const activityCreatedDay = (plan: PlanSpec, activity: ActivitySpec) =>
    Math.min(dates(plan).start - 15, dayOf(plan, activity.start) - 14, todayDay - 20);
  const activityIds = byKey(
    await insertRows(
      manager,
      'activities',
      [
        'plan_id',
        'title',
        'description',
        'target_group',
        'status',
        'responsible_party',
        'focus_area_id',
        'start_date',
        'end_date',
        'budget',
        'created_at',
        'created_by',
        'updated_at',
        'updated_by',
      ],
      activityBatch.map(({ plan, activity, ordinal }) => {
        const last = activity.progress[activity.progress.length - 1];
        if (last && last.status !== activity.status) {
          throw new Error(`demo activity ${activity.key}: status ${activity.status}, last progress ${last.status}`);
        }
        const created = timestamp(activityCreatedDay(plan, activity), ordinal);
        return [
          planId(plan),
          activity.title,
          activity.description,
          activity.targetGroup,
          activity.status,
          activity.party,
          focusAreaId(plan, activity.focusArea),
          formatDay(dayOf(plan, activity.start)),
          formatDay(activity.endDay === undefined ? dates(plan).end : dates(plan).start + activity.endDay),
          activity.budget,
          created,
          secretariatId(plan),
          created, // raised to the latest progress entry's logged_at at the end
          secretariatId(plan),
        ];
      }),
      'id, plan_id, title',
    ),
    (row) => `${String(row.plan_id)}/${String(row.title)}`,
  );
  const activityId = (plan: PlanSpec, activity: ActivitySpec) =>
    lookup(activityIds, `${planId(plan)}/${activity.title}`, 'activity');

  await insertRows(
    manager,
    'activity_goal_links',
    ['activity_id', 'goal_id', 'plan_id', 'weight', 'rationale', 'created_at', 'created_by'],
    activityBatch.flatMap(({ plan, activity, ordinal }) =>
      activity.links.map((link, i) => [
        activityId(plan, activity),
        lookup(goalIds, goalKey(plan, link.goal), 'goal'),
        planId(plan),
        link.weight,
        link.rationale,
        timestamp(activityCreatedDay(plan, activity), 60 + ordinal * 5 + i),
        secretariatId(plan),
      ]),
    ),
  );

  await insertRows(
    manager,
    'progress_entries',
    [
      'plan_id',
      'activity_id',
      'reported_on',
      'percent_complete',
      'status',
      'participants_reached',
      'spent',
      'note',
      'logged_by',
      'logged_at',
    ],
    activityBatch.flatMap(({ plan, activity, ordinal }) => {
      let previous = -Infinity;
      return activity.progress.map((entry) => {
        const reportedOn = dayOf(plan, entry.at);
        if (reportedOn <= previous || reportedOn < dayOf(plan, activity.start) || reportedOn >= todayDay) {
          throw new Error(
            `demo activity ${activity.key}: progress on ${formatDay(reportedOn)} must follow the previous entry ` +
              'and the start date, and precede today',
          );
        }
        previous = reportedOn;
        return [
          planId(plan),
          activityId(plan, activity),
          formatDay(reportedOn),
          entry.percent,
          entry.status,
          entry.participants,
          entry.spent,
          entry.note,
          secretariatId(plan),
          timestamp(reportedOn, 6 * 60 + ordinal), // logged the afternoon it was reported
        ];
      });
    }),
  );

  // --- latest progress: the insert trigger (progress_entries_latest_pointer) set each pointer and its
  // figures; logging also raised the activity's updated_at to its latest entry's logged_at ---
  await manager.query(
    `UPDATE activities SET updated_at = latest_logged_at
      WHERE plan_id = ANY($1::uuid[]) AND latest_logged_at > updated_at`,
    [[...planIds.values()]],
  );

  await loadQualityDemo(manager, today);
  await loadCoordinationDemo(manager, { today, planIds, userIds });
}
