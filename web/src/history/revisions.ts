import { formatDate, formatNumber } from '../common/format';

const FIELDS: Record<string, string> = {
  name: 'navn',
  unit: 'enhed',
  source: 'kilde',
  baseline: 'baseline',
  baselineDate: 'baseline-dato',
  target: 'målværdi',
  targetDate: 'måldato',
};

function shown(field: string, value: unknown): string {
  if (value == null) return 'intet';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string' && /Date$/.test(field) && /^\d{4}-\d\d-\d\d$/.test(value)) return formatDate(value);
  return `"${String(value)}"`;
}

/**
 * A revision's changed fields in words: "målværdi 12 → 16". `before` and `after` are the API's JSON of
 * the changed fields only; anything unreadable is shown as it came.
 */
export function describeRevision(before: string, after: string): string {
  try {
    const b = JSON.parse(before) as Record<string, unknown>;
    const a = JSON.parse(after) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys.map((k) => `${FIELDS[k] ?? k} ${shown(k, b[k])} → ${shown(k, a[k])}`).join(', ');
  } catch {
    return `${before} → ${after}`;
  }
}
