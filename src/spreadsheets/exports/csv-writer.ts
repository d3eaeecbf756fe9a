import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { type Column, header, type Lang, type SheetLayout, type SheetRow } from '../sheets/sheet-layout.js';

/**
 * One table as CSV (RFC 4180, csv-stringify): UTF-8 with a byte-order mark, comma-separated, CRLF,
 * `.` as decimal point, dates YYYY-MM-DD, timestamps ISO 8601 (UTC), booleans true/false, the same
 * columns as the sheet. A text that a spreadsheet program would run as a formula (=, +, -, @, tab or
 * carriage return first) is written with a leading apostrophe, as OWASP advises against CSV injection.
 */
export async function writeCsv<K extends string>(out: Writable, layout: SheetLayout<K>, lang: Lang, rows: Iterable<SheetRow<K>>): Promise<void> {
  // A line break of either kind is quoted, not only the record delimiter (CRLF) itself.
  const csv = stringify({ bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/, header: true, columns: layout.columns.map((c) => header(c, lang)) });
  csv.pipe(out);
  for (const row of rows) {
    const record = layout.columns.map((column) => csvValue(column, row[column.key]));
    if (!csv.write(record)) await new Promise((resolve) => csv.once('drain', resolve));
  }
  csv.end();
  await new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
    out.once('close', resolve);
  });
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvValue(column: Column, value: SheetRow[string]): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  if ((column.kind === 'text' || column.kind === 'enum') && FORMULA_START.test(value)) return `'${value}`;
  return value;
}
