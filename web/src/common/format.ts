/** Danish formatting of the API's values. Money is whole kroner; Date is YYYY-MM-DD. */
const kroner = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const number = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });
const date = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export function formatMoney(value: number): string {
  return `${kroner.format(value)} kr.`;
}

/** Progress is 0-100 (a mean of percentComplete); null means nothing to average. */
export function formatPercent(value: number | null | undefined): string {
  return value == null ? 'ingen data' : `${oneDecimal.format(value)} %`;
}

/** A share 0-1 (co-financing, attainment) as a percentage. */
export function formatShare(value: number | null | undefined): string {
  return value == null ? '–' : `${oneDecimal.format(value * 100)} %`;
}

export function formatNumber(value: number | null | undefined): string {
  return value == null ? '–' : number.format(value);
}

export function formatDate(value: string | null | undefined): string {
  return value ? date.format(new Date(`${value}T00:00:00Z`)) : '–';
}

export function formatShortDate(value: string): string {
  return shortDate.format(new Date(`${value}T00:00:00Z`));
}

/** "3.308.500 af 6.000.000 kr." */
export function formatSpentOfBudget(spent: number, budget: number): string {
  return `${kroner.format(spent)} af ${formatMoney(budget)}`;
}

/** Today in the browser's own calendar, as the API writes dates. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
