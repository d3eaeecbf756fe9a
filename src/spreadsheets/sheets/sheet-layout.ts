/**
 * The shape of every sheet Planspor writes or reads: its name and its columns, each with an English
 * and a Danish header. The English header is the API field name; `?lang=da` writes the Danish one,
 * and the import reads either.
 */
export type Lang = 'en' | 'da';

/**
 * How a column's values are written: `date` values are 'YYYY-MM-DD' strings, written as date cells;
 * `timestamp` values are Dates, written as date-time cells (UTC); `money` is whole kroner.
 */
export type ColumnKind = 'text' | 'enum' | 'number' | 'integer' | 'money' | 'date' | 'timestamp' | 'boolean';

export interface Column<K extends string = string> {
  key: K;
  da: string;
  kind: ColumnKind;
  /** For `enum` columns: the values, also the template's drop-down. */
  values?: readonly string[];
  /** Column width in characters. */
  width?: number;
}

export interface SheetLayout<K extends string = string> {
  /** The English sheet name (the canonical one). */
  name: string;
  da: string;
  columns: readonly Column<K>[];
}

/** A row as the exports build it: values by column key; null or absent is an empty cell. */
export type SheetRow<K extends string = string> = Partial<Record<K, string | number | boolean | Date | null>>;

export function sheetName(layout: SheetLayout, lang: Lang): string {
  return lang === 'da' ? layout.da : layout.name;
}

export function header(column: Column, lang: Lang): string {
  return lang === 'da' ? column.da : column.key;
}

/** Declares a layout with its column keys as a type, so rows are checked against it. */
export function layout<const K extends string>(name: string, da: string, columns: readonly Column<K>[]): SheetLayout<K> {
  return { name, da, columns };
}
