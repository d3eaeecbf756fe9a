import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { HttpRefusal, notAWorkbook, tooLarge } from '../http/http-refusal.js';
import { type Lang, type SheetLayout, sheetName } from '../sheets/sheet-layout.js';
import { type ImportCell, toImportCell } from './import-cells.js';
import type { WorkbookZip } from './zip-guard.js';

/** Rows of data a sheet may have (beyond its header row). */
export const MAX_ROWS_PER_SHEET = 5_000;

export interface ImportRow {
  /** As the spreadsheet numbers it: the header is row 1. */
  number: number;
  /** By column key; a column the sheet lacks is absent. */
  cells: Map<string, ImportCell>;
}

export interface ImportSheet {
  /** The sheet's name as the file has it (English or Danish). */
  name: string;
  lang: Lang;
  /** The row that held the headers: the first row with anything in it, which should be row 1. */
  headerRow: number;
  /** Column key → the header as the file has it. */
  headers: Map<string, string>;
  rows: ImportRow[];
}

/**
 * The parts of exceljs's streaming WorkbookReader that this reader drives itself. exceljs reads an
 * archive through unzipper's scan of local headers, which stops early on archives with data
 * descriptors (what exceljs itself and many other writers produce) and bypasses the zip's central
 * directory that zip-guard.ts checked. So the entries come from yauzl instead, in the order the
 * parser needs (relationships, workbook, shared strings, then sheets), and are handed to the same
 * XML parsers exceljs uses. These are internal methods of exceljs 4.4 (pinned in package.json;
 * tests/spreadsheets-import.test.ts covers them).
 */
interface ExcelJsReaderParts {
  _parseRels(stream: Readable): Promise<void>;
  _parseWorkbook(stream: Readable): Promise<void>;
  _parseSharedStrings(stream: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(stream: Readable, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
}

/**
 * Reads the sheets named by `layouts` (by their English or Danish name, case and spaces aside) from
 * a checked archive: rows arrive one at a time and only the cells of known columns are kept, so a
 * sheet with a million empty styled rows costs time, not memory (and empty rows are skipped). Styles
 * are not read at all. More than MAX_ROWS_PER_SHEET rows of data in a sheet stop the read at once
 * with 413. Other sheets are never parsed.
 */
export async function readImportSheets(zip: WorkbookZip, layouts: readonly SheetLayout[]): Promise<Map<string, ImportSheet>> {
  const byName = new Map<string, { layout: SheetLayout; lang: Lang }>();
  for (const layout of layouts) {
    for (const lang of ['en', 'da'] as const) byName.set(normalise(sheetName(layout, lang)), { layout, lang });
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as ExcelJsReaderParts;
  const part = (name: string) => zip.entries.get(name);
  const found = new Map<string, ImportSheet>();
  try {
    const rels = part('xl/_rels/workbook.xml.rels');
    if (!rels) throw notAWorkbook('The workbook has no xl/_rels/workbook.xml.rels: it is not an .xlsx workbook');
    await reader._parseRels(await zip.open(rels));
    await reader._parseWorkbook(await zip.open(part('xl/workbook.xml')!));
    const sharedStrings = part('xl/sharedStrings.xml');
    if (sharedStrings) for await (const _ of reader._parseSharedStrings(await zip.open(sharedStrings)));
    for (const sheet of reader.model?.sheets ?? []) {
      const known = byName.get(normalise(sheet.name));
      if (!known || found.has(known.layout.name)) continue;
      const target = reader.workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target;
      const entry = target ? part(target.startsWith('/') ? target.slice(1) : `xl/${target}`) : undefined;
      if (!entry) throw notAWorkbook(`The workbook names a sheet ${sheet.name} that it does not hold`);
      for (const { value: rows } of reader._parseWorksheet(await zip.open(entry), '0')) {
        found.set(known.layout.name, await readSheet(rows, sheet.name, known.layout, known.lang));
      }
    }
  } catch (error) {
    if (error instanceof HttpRefusal) throw error;
    throw notAWorkbook(`The workbook cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return found;
}

async function readSheet(rows: AsyncIterable<ExcelJS.Row>, name: string, layout: SheetLayout, lang: Lang): Promise<ImportSheet> {
  const sheet: ImportSheet = { name, lang, headerRow: 0, headers: new Map(), rows: [] };
  /** Column number → key, from the header row. */
  let columns: Map<number, string> | undefined;
  for await (const row of rows) {
    const values = row.values as unknown[];
    if (!columns) {
      columns = headerColumns(values, layout, sheet.headers);
      sheet.headerRow = row.number;
      continue;
    }
    const cells = new Map<string, ImportCell>();
    let empty = true;
    for (const [index, key] of columns) {
      const cell = toImportCell(values[index]);
      if (cell.kind !== 'empty') empty = false;
      cells.set(key, cell);
    }
    if (empty) continue;
    sheet.rows.push({ number: row.number, cells });
    if (sheet.rows.length > MAX_ROWS_PER_SHEET) {
      throw tooLarge(`Sheet ${name} has more than ${MAX_ROWS_PER_SHEET} rows of data; split the import into several files`);
    }
  }
  return sheet;
}

/** Matches the header row's texts to the layout's columns, in either language. */
function headerColumns(values: unknown[], layout: SheetLayout, headers: Map<string, string>): Map<number, string> {
  const keys = new Map<string, string>();
  for (const column of layout.columns) {
    keys.set(normalise(column.key), column.key);
    keys.set(normalise(column.da), column.key);
  }
  const columns = new Map<number, string>();
  values.forEach((value, index) => {
    const cell = toImportCell(value);
    if (cell.kind !== 'text') return;
    const key = keys.get(normalise(cell.text));
    if (key && !headers.has(key)) {
      headers.set(key, cell.text.trim());
      columns.set(index, key);
    }
  });
  return columns;
}

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}
