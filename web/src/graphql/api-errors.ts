import type { CombinedError } from 'urql';

/** What a form shows for a failed mutation: messages by input field, and one for the whole form. */
export interface FormErrors {
  fields: Record<string, string>;
  form?: string;
}

const CODE_MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'Du er ikke logget ind længere. Log ind igen.',
  FORBIDDEN: 'Din rolle må ikke gøre dette.',
  NOT_FOUND: 'Det findes ikke, eller du har ikke adgang til det.',
  CONFLICT: 'En anden har ændret det samme imens. Hent siden igen og prøv en gang til.',
  TOO_MANY_REQUESTS: 'For mange mislykkede forsøg. Vent et kvarter, og prøv igen.',
  SERVICE_UNAVAILABLE: 'Planspor er midlertidigt utilgængelig. Prøv igen om lidt.',
  QUERY_TOO_COMPLEX: 'Forespørgslen er for stor.',
};

/**
 * The API's English validation messages in Danish, by their fixed wording (src/common/validate.ts
 * and the domain rules). Anything not recognised is shown as the API wrote it, after a Danish lead-in.
 */
const MESSAGE_RULES: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/must not be (empty|null)/, () => 'Skal udfyldes.'],
  [/is required: /, () => 'Skal udfyldes.'],
  [/whose annual report is submitted or approved/, () => 'Ligger i et år, hvis årsrapport er indsendt eller godkendt; LBF skal sende rapporten tilbage først.'],
  [/after today|in the future/, () => 'Må ikke ligge efter i dag.'],
  [/must not be negative/, () => 'Må ikke være negativ.'],
  [/must be positive/, () => 'Skal være større end 0.'],
  [/must be a whole number from (-?\d+) to (-?\d+)/, (m) => `Skal være et helt tal fra ${m[1]} til ${m[2]}.`],
  [/must be at most (\d+) characters/, (m) => `Må højst være ${m[1]} tegn.`],
  [/must be at most (\d+), got/, (m) => `Må højst være ${Number(m[1]).toLocaleString('da-DK')}.`],
  [/must be a finite number/, () => 'Skal være et tal.'],
  [/is more than (\d+) days ahead/, (m) => `Må højst ligge ${m[1]} dage ude i fremtiden.`],
  [/is before the activity's startDate (\d{4}-\d\d-\d\d)/, (m) => `Må ikke ligge før aktivitetens startdato (${m[1]}).`],
  [/is before baselineDate/, () => 'Må ikke ligge før baseline-datoen.'],
  [/is before (startDate|startYear)/, () => 'Må ikke ligge før starten.'],
  [/the activity is cancelled/, () => 'Aktiviteten er aflyst; der kan ikke registreres status på den.'],
  [/is required for a \w+ goal/, () => 'Et effektmål eller delmål skal ligge under et andet mål.'],
  [/an OVERALL goal/, () => 'Et formål ligger øverst og kan ikke have et overordnet mål.'],
  [/would make a cycle/, () => 'Et mål kan ikke ligge under sig selv.'],
  [/belongs to another pool/, () => 'Indsatsområdet hører til en anden pulje end planens.'],
  [/belongs to another plan/, () => 'Målet hører til en anden plan.'],
  [/NUL characters|unpaired surrogates/, () => 'Indeholder tegn, der ikke kan gemmes.'],
  [/already linked|already exists|twice/i, () => 'Findes allerede.'],
  [/Int cannot represent non-integer value/, () => 'Skal være et helt tal.'],
  [/(Float|Int) cannot represent/, () => 'Skal være et tal.'],
  [/Money/i, () => 'Skal være et beløb i hele kroner.'],
  [/Date|YYYY-MM-DD/, () => 'Skal være en dato (åååå-mm-dd).'],
];

export function danishMessage(message: string): string {
  for (const [pattern, make] of MESSAGE_RULES) {
    const match = message.match(pattern);
    if (match) return make(match);
  }
  return `Værdien blev afvist: ${message.replace(/^\w+: /, '')}`;
}

/** A variable the GraphQL layer refused names its path, e.g. `at "input.percentComplete"`. */
function fieldOfCoercionError(message: string): string | undefined {
  return message.match(/at "input\.(\w+)"/)?.[1] ?? message.match(/"input" got invalid value .*; Field "(\w+)"/)?.[1];
}

export function formErrorsOf(error: CombinedError | undefined): FormErrors {
  if (!error) return { fields: {} };
  if (error.networkError && error.graphQLErrors.length === 0) {
    return { fields: {}, form: 'Planspor svarer ikke. Tjek forbindelsen, og prøv igen; det du har skrevet er gemt i formularen.' };
  }
  const result: FormErrors = { fields: {} };
  for (const e of error.graphQLErrors) {
    const code = String(e.extensions?.code ?? '');
    const field = (typeof e.extensions?.field === 'string' ? e.extensions.field : undefined) ?? fieldOfCoercionError(e.message);
    if (field && (code === 'BAD_USER_INPUT' || code === 'NOT_FOUND' || code === 'CONFLICT' || code === '')) {
      result.fields[field] ??= code === 'BAD_USER_INPUT' || code === '' ? danishMessage(e.message) : (CODE_MESSAGES[code] ?? e.message);
    } else {
      result.form ??= CODE_MESSAGES[code] ?? danishMessage(e.message);
    }
  }
  return result;
}

/** One sentence for a failed page load. */
export function pageErrorOf(error: CombinedError): { notFound: boolean; unauthenticated: boolean; message: string } {
  const codes = error.graphQLErrors.map((e) => String(e.extensions?.code ?? ''));
  if (codes.includes('UNAUTHENTICATED')) return { notFound: false, unauthenticated: true, message: CODE_MESSAGES.UNAUTHENTICATED };
  if (codes.includes('NOT_FOUND')) return { notFound: true, unauthenticated: false, message: CODE_MESSAGES.NOT_FOUND };
  if (codes.includes('FORBIDDEN')) return { notFound: false, unauthenticated: false, message: CODE_MESSAGES.FORBIDDEN };
  if (error.networkError && error.graphQLErrors.length === 0) {
    return { notFound: false, unauthenticated: false, message: 'Planspor svarer ikke. Tjek forbindelsen, og prøv igen.' };
  }
  return { notFound: false, unauthenticated: false, message: CODE_MESSAGES[codes[0] ?? ''] ?? 'Noget gik galt. Prøv igen.' };
}
