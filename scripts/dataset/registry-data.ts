/*
 * The national registry and the text banks of the dataset generator.
 *
 * Pools and focus areas: LBF's four pools for boligsociale indsatser. The 2011-14 and 2019-26
 * catalogues are the ones src/demo/demo-data.ts uses (so a database with demo data reuses them); the
 * 2006-10 and 2015-18 catalogues are the best-known theme names of those pools.
 * Municipalities: Denmark's 98 kommuner with their kommunekoder. `weight` is a rough guide to how
 * many social-housing plans a municipality has (the big cities and the Copenhagen suburbs many, small
 * islands few); it only shapes the random draw. Housing organisations and housing areas are invented.
 */

export type Theme = 'EDU' | 'JOB' | 'CRIME' | 'SAFETY' | 'FAMILY' | 'COMMUNITY' | 'HEALTH' | 'INTEGRATION' | 'IMAGE';

export interface PoolSpec {
  name: string;
  startYear: number;
  endYear: number;
  focusAreas: { name: string; theme: Theme }[];
  /** Plans of this pool start on the 1st of a month in [firstStart, lastStart] ('YYYY-MM'). */
  firstStart: string;
  lastStart: string;
  /** LBF grant per plan, in millions of kroner. */
  grantMillions: [number, number];
  /** Plans of a pool that has ended are COMPLETED; the current pool's are ACTIVE. */
  current: boolean;
}

export const POOLS: PoolSpec[] = [
  {
    name: '2006-10-midlerne',
    startYear: 2006,
    endYear: 2010,
    focusAreas: [
      { name: 'Beskæftigelse og uddannelse', theme: 'JOB' },
      { name: 'Børn og unge', theme: 'FAMILY' },
      { name: 'Integration', theme: 'INTEGRATION' },
      { name: 'Sundhed', theme: 'HEALTH' },
      { name: 'Kriminalpræventive aktiviteter', theme: 'CRIME' },
      { name: 'Beboerdemokrati og netværk', theme: 'COMMUNITY' },
      { name: 'Kommunikation og image', theme: 'IMAGE' },
    ],
    firstStart: '2007-01',
    lastStart: '2008-12',
    grantMillions: [6, 20],
    current: false,
  },
  {
    name: '2011-14-midlerne',
    startYear: 2011,
    endYear: 2014,
    focusAreas: [
      { name: 'Tryghed og trivsel', theme: 'SAFETY' },
      { name: 'Kriminalpræventive aktiviteter', theme: 'CRIME' },
      { name: 'Børn, unge og familie', theme: 'FAMILY' },
      { name: 'Uddannelse, beskæftigelse og erhverv', theme: 'JOB' },
      { name: 'Beboernetværk, inddragelse og demokrati', theme: 'COMMUNITY' },
      { name: 'Sundhed', theme: 'HEALTH' },
    ],
    firstStart: '2011-06',
    lastStart: '2013-06',
    grantMillions: [4, 14],
    current: false,
  },
  {
    name: '2015-18-midlerne',
    startYear: 2015,
    endYear: 2018,
    focusAreas: [
      { name: 'Tryghed og trivsel', theme: 'SAFETY' },
      { name: 'Kriminalpræventive indsatser', theme: 'CRIME' },
      { name: 'Uddannelse og beskæftigelse', theme: 'JOB' },
      { name: 'Forebyggelse og forældreansvar', theme: 'FAMILY' },
    ],
    firstStart: '2015-06',
    lastStart: '2017-06',
    grantMillions: [4, 12],
    current: false,
  },
  {
    name: '2019-26-midlerne',
    startYear: 2019,
    endYear: 2026,
    focusAreas: [
      { name: 'Uddannelse og livschancer', theme: 'EDU' },
      { name: 'Beskæftigelse', theme: 'JOB' },
      { name: 'Kriminalitetsforebyggelse', theme: 'CRIME' },
      { name: 'Sammenhængskraft og medborgerskab', theme: 'COMMUNITY' },
    ],
    // 36 monthly entries from an activity start at most 2 months after the plan's start end on or
    // before the dataset's anchor date (2026-10-31).
    firstStart: '2022-10',
    lastStart: '2023-09',
    grantMillions: [3, 10],
    current: true,
  },
];

export const MIN_COFINANCING_SHARE = 0.25;

/** [kommunekode, name, weight] */
export const MUNICIPALITIES: [string, string, number][] = [
  // Region Hovedstaden
  ['101', 'København', 14],
  ['147', 'Frederiksberg', 2],
  ['151', 'Ballerup', 3],
  ['153', 'Brøndby', 4],
  ['155', 'Dragør', 0.3],
  ['157', 'Gentofte', 1],
  ['159', 'Gladsaxe', 3],
  ['161', 'Glostrup', 2],
  ['163', 'Herlev', 2],
  ['165', 'Albertslund', 4],
  ['167', 'Hvidovre', 3],
  ['169', 'Høje-Taastrup', 4],
  ['173', 'Lyngby-Taarbæk', 1],
  ['175', 'Rødovre', 2],
  ['183', 'Ishøj', 4],
  ['185', 'Tårnby', 1.5],
  ['187', 'Vallensbæk', 1],
  ['190', 'Furesø', 1.5],
  ['201', 'Allerød', 0.5],
  ['210', 'Fredensborg', 1.5],
  ['217', 'Helsingør', 3],
  ['219', 'Hillerød', 2],
  ['223', 'Hørsholm', 0.5],
  ['230', 'Rudersdal', 0.5],
  ['240', 'Egedal', 1],
  ['250', 'Frederikssund', 1.5],
  ['260', 'Halsnæs', 1.5],
  ['270', 'Gribskov', 0.5],
  ['400', 'Bornholm', 1],
  // Region Sjælland
  ['253', 'Greve', 2],
  ['259', 'Køge', 3],
  ['265', 'Roskilde', 2.5],
  ['269', 'Solrød', 0.5],
  ['306', 'Odsherred', 1],
  ['316', 'Holbæk', 3],
  ['320', 'Faxe', 1],
  ['326', 'Kalundborg', 2],
  ['329', 'Ringsted', 2],
  ['330', 'Slagelse', 4],
  ['336', 'Stevns', 0.5],
  ['340', 'Sorø', 1],
  ['350', 'Lejre', 0.5],
  ['360', 'Lolland', 2],
  ['370', 'Næstved', 3],
  ['376', 'Guldborgsund', 2],
  ['390', 'Vordingborg', 1.5],
  // Region Syddanmark
  ['410', 'Middelfart', 1],
  ['420', 'Assens', 0.5],
  ['430', 'Faaborg-Midtfyn', 1],
  ['440', 'Kerteminde', 0.5],
  ['450', 'Nyborg', 1],
  ['461', 'Odense', 9],
  ['479', 'Svendborg', 2],
  ['480', 'Nordfyns', 0.5],
  ['482', 'Langeland', 0.3],
  ['492', 'Ærø', 0.2],
  ['510', 'Haderslev', 2],
  ['530', 'Billund', 0.5],
  ['540', 'Sønderborg', 2.5],
  ['550', 'Tønder', 1],
  ['561', 'Esbjerg', 4],
  ['563', 'Fanø', 0.2],
  ['573', 'Varde', 1],
  ['575', 'Vejen', 1],
  ['580', 'Aabenraa', 2],
  ['607', 'Fredericia', 3],
  ['621', 'Kolding', 3.5],
  ['630', 'Vejle', 3.5],
  // Region Midtjylland
  ['615', 'Horsens', 3.5],
  ['657', 'Herning', 2.5],
  ['661', 'Holstebro', 2],
  ['665', 'Lemvig', 0.5],
  ['671', 'Struer', 0.5],
  ['706', 'Syddjurs', 0.5],
  ['707', 'Norddjurs', 1],
  ['710', 'Favrskov', 0.5],
  ['727', 'Odder', 0.5],
  ['730', 'Randers', 4],
  ['740', 'Silkeborg', 2.5],
  ['741', 'Samsø', 0.2],
  ['746', 'Skanderborg', 1],
  ['751', 'Aarhus', 11],
  ['756', 'Ikast-Brande', 1],
  ['760', 'Ringkøbing-Skjern', 1],
  ['766', 'Hedensted', 1],
  ['779', 'Skive', 1.5],
  ['791', 'Viborg', 2.5],
  // Region Nordjylland
  ['773', 'Morsø', 0.5],
  ['787', 'Thisted', 1],
  ['810', 'Brønderslev', 1],
  ['813', 'Frederikshavn', 2.5],
  ['820', 'Vesthimmerlands', 1],
  ['825', 'Læsø', 0.2],
  ['840', 'Rebild', 0.5],
  ['846', 'Mariagerfjord', 1],
  ['849', 'Jammerbugt', 1],
  ['851', 'Aalborg', 7],
  ['860', 'Hjørring', 2.5],
];

/** Municipalities with an area secretariat coordinating (some of) their plans. */
export const AREA_SECRETARIAT_CODES = ['101', '751', '461', '851', '169', '165', '183', '561', '730', '330'];
export const areaSecretariatName = (municipality: string) => `Områdesekretariat ${municipality} (landsdækkende datasæt)`;

export const HOUSING_ORGANISATIONS = [
  'Boligselskabet Solgården',
  'Arbejdernes Andelsboligforening Nord',
  'Boligforeningen Hjemly',
  'Fællesbo Vest',
  'Domea-afdelingernes Boligselskab',
  'Boligselskabet Ringgården',
  'Almenbo Syd',
  'KAB-forvaltede Boligselskab Vesterport',
  'Boligforeningen Kristiansholm',
  'Lejerbo-Afdelingernes Fællesskab',
  'Boligkontoret Østerled',
  'Andelsboligforeningen Fremtiden',
  'Boligselskabet Enghaven',
  'Boligforeningen Vanggården',
  'Højlund Almene Boliger',
  'Boligselskabet Kærholm',
  'Fjordbo',
  'Nordvestbo',
  'Boligselskabet Strandparken',
  'Midtbo Almene Boliger',
  'Boligforeningen Lyngby Bakke',
  'Bo-Vest Fællesadministration',
  'Boligselskabet Tåsinge',
  'Sydkystens Boligforening',
  'Boligselskabet Åparken',
  'Almenbolig Vestegnen',
  'Boligforeningen Mosegården',
  'Østbo',
  'Boligselskabet Bakkehuset',
  'Nørrebro Almene Boliger',
  'Boligforeningen Skovparken',
  'Vestjysk Boligselskab',
];

export const AREA_NAMES = [
  'Solbakken', 'Engparken', 'Skovvangen', 'Højstrup', 'Rosenhøj', 'Vestervang', 'Nørreparken', 'Søndermarken',
  'Lindegården', 'Bøgeparken', 'Kildeparken', 'Toftegården', 'Lundbyvej', 'Ringparken', 'Stjernevej', 'Egebjerg',
  'Bakkegården', 'Vænget', 'Hedeparken', 'Kærgården', 'Fyrreparken', 'Åbyen', 'Markparken', 'Havnegade Øst',
  'Tingbakken', 'Blåkildegård', 'Elmehøj', 'Nordvangen', 'Sønderbro', 'Tranehøj', 'Vibeparken', 'Granhøj',
];

export const OVERALL_GOALS = [
  'Boligområdet er et trygt og attraktivt sted at bo, hvor beboerne trives',
  'Flere beboere er i uddannelse eller job og kan forsørge sig selv',
  'Børn og unge i området får de samme muligheder som andre børn og unge i kommunen',
  'Beboerne tager aktivt del i fællesskabet og beboerdemokratiet',
  'Området hænger bedre sammen med resten af byen',
  'Færre beboere står uden for fællesskabet og arbejdsmarkedet',
];

export interface IndicatorTemplate {
  name: string;
  unit: string;
  direction: 'INCREASE' | 'DECREASE';
  /** Baseline drawn in [low, high]; target = baseline ± delta × baseline (or + delta for counts from 0). */
  baseline: [number, number];
  delta: number;
  source: string;
}

export interface ThemeBank {
  effectGoals: string[];
  indicators: IndicatorTemplate[];
  activities: { title: string; targetGroup: string }[];
}

const ind = (
  name: string,
  unit: string,
  direction: 'INCREASE' | 'DECREASE',
  baseline: [number, number],
  delta: number,
  source: string,
): IndicatorTemplate => ({ name, unit, direction, baseline, delta, source });

export const THEMES: Record<Theme, ThemeBank> = {
  EDU: {
    effectGoals: [
      'Flere børn og unge gennemfører folkeskolen med beståede afgangsprøver',
      'Flere unge er i gang med en ungdomsuddannelse 15 måneder efter 9. klasse',
      'Flere børn er sprogligt parate ved skolestart',
    ],
    indicators: [
      ind('Unge i gang med en ungdomsuddannelse 15 måneder efter 9. klasse', '%', 'INCREASE', [50, 70], 0.2, 'Kommunens ungdomsuddannelsesstatistik'),
      ind('Elever med bestået dansk og matematik ved afgangsprøven', '%', 'INCREASE', [55, 75], 0.15, 'Børne- og Undervisningsministeriet'),
      ind('Børn der kommer fast i lektiecaféen', 'børn pr. uge', 'INCREASE', [8, 25], 1, 'Lektiecaféens fremmødelister'),
      ind('Børn med sprogvurdering under middel ved skolestart', '%', 'DECREASE', [25, 40], 0.3, 'Kommunens sprogvurderinger'),
    ],
    activities: [
      { title: 'Lektiecafé', targetGroup: 'Børn 6-16 år' },
      { title: 'Læsevenner', targetGroup: 'Børn i indskolingen' },
      { title: 'Uddannelsesvejledning i boligområdet', targetGroup: 'Unge 15-25 år' },
      { title: 'Sprogstimulering i dagtilbud', targetGroup: 'Børn 0-6 år og deres forældre' },
      { title: 'Mentorordning for unge i ungdomsuddannelse', targetGroup: 'Unge 16-24 år' },
    ],
  },
  JOB: {
    effectGoals: [
      'Flere beboere i alderen 18-64 år kommer i job eller uddannelse',
      'Flere unge har et fritidsjob',
      'Færre beboere er på offentlig forsørgelse',
    ],
    indicators: [
      ind('Beskæftigelsesfrekvens blandt beboere 18-64 år', '%', 'INCREASE', [35, 55], 0.12, 'Danmarks Statistik via Landsbyggefondens boligsociale data'),
      ind('Unge 13-17 år med fritidsjob', '%', 'INCREASE', [12, 25], 0.5, 'Fritidsjobindsatsens opgørelse'),
      ind('Ledige beboere med individuel jobplan', 'personer (akkumuleret)', 'INCREASE', [0, 0], 120, 'Jobcentret'),
      ind('Beboere 18-64 år på offentlig forsørgelse', '%', 'DECREASE', [30, 45], 0.15, 'Jobindsats.dk'),
    ],
    activities: [
      { title: 'Fritidsjobformidling', targetGroup: 'Unge 13-17 år' },
      { title: 'Jobcafé med jobcentret', targetGroup: 'Ledige beboere 18-64 år' },
      { title: 'Virksomhedssamarbejde om praktikpladser', targetGroup: 'Unge og ledige' },
      { title: 'Brobygning til erhvervsuddannelser', targetGroup: 'Unge 16-25 år' },
      { title: 'Opsøgende beskæftigelsesindsats', targetGroup: 'Ledige beboere' },
    ],
  },
  CRIME: {
    effectGoals: [
      'Færre unge begår kriminalitet',
      'Færre unge rekrutteres til bandemiljøer',
      'Hærværk og indbrud i området falder',
    ],
    indicators: [
      ind('Sigtede unge 15-25 år pr. 1.000 unge', 'pr. 1.000', 'DECREASE', [20, 45], 0.3, 'Politiets opgørelse'),
      ind('Anmeldte hærværks- og indbrudssager i området', 'sager pr. år', 'DECREASE', [40, 120], 0.35, 'Boligorganisationens driftsstatistik'),
      ind('Unge i kontakt med SSP-medarbejdere', 'unge pr. måned', 'INCREASE', [10, 30], 0.6, 'SSP-samarbejdets registrering'),
    ],
    activities: [
      { title: 'Gadeplansmedarbejdere', targetGroup: 'Unge 12-25 år' },
      { title: 'Exitforløb for unge i risiko', targetGroup: 'Unge 15-25 år i bandemiljøer' },
      { title: 'SSP-samarbejde i boligområdet', targetGroup: 'Unge 10-18 år' },
      { title: 'Natteravne', targetGroup: 'Alle beboere' },
      { title: 'Forældrenetværk mod kriminalitet', targetGroup: 'Forældre til unge 10-18 år' },
    ],
  },
  SAFETY: {
    effectGoals: [
      'Beboerne oplever området som trygt',
      'Flere beboere trives i deres bolig og boligområde',
      'Færre konflikter mellem naboer',
    ],
    indicators: [
      ind('Beboere der føler sig trygge i området', '%', 'INCREASE', [55, 75], 0.15, 'Årlig tryghedsmåling blandt beboerne'),
      ind('Registrerede naboklager', 'klager pr. år', 'DECREASE', [30, 90], 0.3, 'Boligorganisationens driftsstatistik'),
      ind('Beboere der er glade for at bo i området', '%', 'INCREASE', [60, 80], 0.1, 'Beboerundersøgelse'),
    ],
    activities: [
      { title: 'Tryghedsvandringer', targetGroup: 'Beboere og samarbejdspartnere' },
      { title: 'Konfliktmægling mellem naboer', targetGroup: 'Alle beboere' },
      { title: 'Bedre belysning og stier', targetGroup: 'Alle beboere' },
      { title: 'Trivselsvært i opgangene', targetGroup: 'Beboere i udsatte opgange' },
    ],
  },
  FAMILY: {
    effectGoals: [
      'Flere forældre tager aktivt ansvar for deres børns skolegang og fritid',
      'Flere børn og unge går til en fritidsaktivitet',
      'Færre familier har brug for underretninger og foranstaltninger',
    ],
    indicators: [
      ind('Børn 6-17 år i en organiseret fritidsaktivitet', '%', 'INCREASE', [35, 55], 0.3, 'Foreningernes medlemslister'),
      ind('Forældre der deltager i skole-hjem-samtaler', '%', 'INCREASE', [55, 75], 0.2, 'Områdets skoler'),
      ind('Underretninger om børn i området', 'pr. år', 'DECREASE', [25, 70], 0.25, 'Kommunens børne- og familieafdeling'),
    ],
    activities: [
      { title: 'Forældreuddannelse', targetGroup: 'Forældre til børn 0-12 år' },
      { title: 'Fritidspas og foreningsbrobygning', targetGroup: 'Børn og unge 6-17 år' },
      { title: 'Familiecafé', targetGroup: 'Familier med småbørn' },
      { title: 'Mødregrupper', targetGroup: 'Mødre med børn 0-6 år' },
      { title: 'Sommerferieaktiviteter for børn', targetGroup: 'Børn 6-14 år' },
    ],
  },
  COMMUNITY: {
    effectGoals: [
      'Flere beboere deltager i beboerdemokratiet',
      'Flere beboere er frivillige i området',
      'Beboerne oplever et stærkere fællesskab på tværs af området',
    ],
    indicators: [
      ind('Fremmøde til afdelingsmødet', '% af husstandene', 'INCREASE', [5, 12], 0.8, 'Afdelingsbestyrelsens referater'),
      ind('Aktive frivillige i boligområdet', 'personer', 'INCREASE', [15, 50], 0.6, 'Projektsekretariatets frivilligregistrering'),
      ind('Beboere der kender mindst fem naboer', '%', 'INCREASE', [40, 60], 0.2, 'Beboerundersøgelse'),
    ],
    activities: [
      { title: 'Frivilligcenter', targetGroup: 'Alle beboere' },
      { title: 'Sommerfest og kulturnat', targetGroup: 'Alle beboere' },
      { title: 'Støtte til afdelingsbestyrelsen', targetGroup: 'Afdelingsbestyrelser' },
      { title: 'Fællesspisning', targetGroup: 'Alle beboere' },
      { title: 'Beboerrådgivning', targetGroup: 'Beboere med behov for hjælp' },
    ],
  },
  HEALTH: {
    effectGoals: [
      'Flere beboere lever et sundt liv med motion og sund kost',
      'Færre beboere føler sig ensomme',
    ],
    indicators: [
      ind('Beboere der dyrker motion mindst en gang om ugen', '%', 'INCREASE', [30, 50], 0.3, 'Beboerundersøgelse'),
      ind('Beboere der ofte føler sig ensomme', '%', 'DECREASE', [15, 30], 0.3, 'Beboerundersøgelse'),
    ],
    activities: [
      { title: 'Motion for kvinder', targetGroup: 'Kvinder 25-65 år' },
      { title: 'Sundhedscafé', targetGroup: 'Voksne beboere' },
      { title: 'Seniornetværk', targetGroup: 'Beboere over 60 år' },
    ],
  },
  INTEGRATION: {
    effectGoals: [
      'Flere nytilkomne beboere taler dansk i hverdagen',
      'Flere beboere med anden etnisk baggrund deltager i foreningslivet',
    ],
    indicators: [
      ind('Deltagere i danskundervisning i området', 'personer pr. måned', 'INCREASE', [15, 40], 0.5, 'Sprogskolens fremmødelister'),
      ind('Beboere med anden etnisk baggrund i foreninger', '%', 'INCREASE', [20, 35], 0.3, 'Foreningernes medlemslister'),
    ],
    activities: [
      { title: 'Sprogcafé', targetGroup: 'Voksne nytilkomne beboere' },
      { title: 'Kulturmødeaftener', targetGroup: 'Alle beboere' },
      { title: 'Brobygning til foreningslivet', targetGroup: 'Familier med anden etnisk baggrund' },
    ],
  },
  IMAGE: {
    effectGoals: ['Området har et bedre omdømme i byen', 'Færre boliger står tomme'],
    indicators: [
      ind('Positive omtaler af området i lokalpressen', 'artikler pr. år', 'INCREASE', [2, 8], 1, 'Medieovervågning'),
      ind('Ledige boliger i området', '%', 'DECREASE', [3, 8], 0.5, 'Boligorganisationens udlejningsstatistik'),
    ],
    activities: [
      { title: 'Nyhedsbrev og områdets hjemmeside', targetGroup: 'Beboere og omverden' },
      { title: 'Åbent hus for kommende lejere', targetGroup: 'Boligsøgende' },
    ],
  },
};

export const PROGRESS_NOTES = [
  'God tilslutning i perioden.',
  'Færre deltagere end ventet; ny annoncering i opgangene.',
  'Samarbejdet med kommunen er kommet godt i gang.',
  'Aktiviteten evalueret sammen med styregruppen.',
  'Ny medarbejder ansat; opstart forsinket en måned.',
  'Flere frivillige er kommet til.',
  'Tilpasset efter ønsker fra afdelingsbestyrelsen.',
];

export const LINK_RATIONALES = [
  'Aktiviteten arbejder direkte med målgruppen for målet.',
  'Indsatsen er et af de vigtigste skridt mod målet.',
  'Bidrager indirekte gennem bedre trivsel og netværk.',
  'Aftalt med kommunen som led i den fælles strategi.',
];
