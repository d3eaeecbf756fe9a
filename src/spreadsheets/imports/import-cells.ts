/** A cell as the import sees it, whatever the spreadsheet program wrote. */
export type ImportCell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; date: Date }
  | { kind: 'formula' }
  | { kind: 'error'; text: string };

export const EMPTY: ImportCell = { kind: 'empty' };

/**
 * exceljs's cell value as an ImportCell. A formula is never evaluated and its cached result never
 * trusted (a file can carry any "result"): it is reported, and the user types the value. Rich text
 * and hyperlinks are read as their text.
 */
export function toImportCell(value: unknown): ImportCell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return value.trim() === '' ? EMPTY : { kind: 'text', text: value };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'error', text: String(value) };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { kind: 'error', text: 'an invalid date' } : { kind: 'date', date: value };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return { kind: 'formula' };
    if ('error' in v) return { kind: 'error', text: String(v.error) };
    if (Array.isArray(v.richText)) return toImportCell(v.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join(''));
    if ('text' in v) return toImportCell(typeof v.text === 'string' ? v.text : toImportCell(v.text).kind === 'text' ? v.text : null);
  }
  return { kind: 'error', text: 'a value of an unknown kind' };
}

/** Whole days from Excel's epoch (1899-12-30, the 1900 date system) to a YYYY-MM-DD date. */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const ms = Math.round((Math.floor(serial) - 25569) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}
