import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type Column, header, type Lang, type SheetLayout, type SheetRow, sheetName } from '../sheets/sheet-layout.js';

const NUMBER_FORMAT: Partial<Record<Column['kind'], string>> = {
  date: 'yyyy-mm-dd',
  timestamp: 'yyyy-mm-dd hh:mm:ss',
  money: '#,##0',
  integer: '0',
};

/** Rows written before the writer waits for the client to take what it has: keeps memory flat. */
const ROWS_PER_DRAIN_CHECK = 500;

/**
 * An .xlsx written as a stream (exceljs's WorkbookWriter): each row goes out as it is added, so
 * memory does not grow with the number of rows. Sheets are written one after the other, each
 * finished before the next is begun (a zip holds one entry at a time; a sheet begun early would be
 * buffered whole). Cells get their column's type: numbers and money as numeric cells, dates as date
 * cells formatted yyyy-mm-dd (UTC midnight, so no time zone moves them), booleans as booleans.
 */
export class WorkbookStream {
  private readonly writer: ExcelJS.stream.xlsx.WorkbookWriter;

  constructor(
    private readonly out: Writable,
    readonly lang: Lang,
  ) {
    this.writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    this.writer.creator = 'Planspor';
  }

  /** A sheet with its header row; add its rows, then `end()` it before the next sheet. */
  sheet<K extends string>(layout: SheetLayout<K>): SheetStream<K> {
    const worksheet = this.writer.addWorksheet(sheetName(layout, this.lang), { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = layout.columns.map((column) => ({
      header: header(column, this.lang),
      key: column.key,
      width: column.width ?? Math.max(10, header(column, this.lang).length + 2),
      style: NUMBER_FORMAT[column.kind] ? { numFmt: NUMBER_FORMAT[column.kind] } : {},
    }));
    worksheet.getRow(1).font = { bold: true };
    return new SheetStream(worksheet, layout, this.out);
  }

  /** Writes what is left (the workbook's own parts) and ends the output stream. */
  async end(): Promise<void> {
    await this.writer.commit();
  }
}

export class SheetStream<K extends string> {
  private sinceCheck = 0;

  constructor(
    readonly worksheet: ExcelJS.Worksheet,
    private readonly layout: SheetLayout<K>,
    private readonly out: Writable,
  ) {}

  /** Adds one row; resolves once the client has taken enough that the buffers stay small. */
  async add(row: SheetRow<K>): Promise<void> {
    const values: Record<string, ExcelJS.CellValue> = {};
    for (const column of this.layout.columns) values[column.key] = cellValue(column, row[column.key]);
    this.worksheet.addRow(values).commit();
    if (++this.sinceCheck >= ROWS_PER_DRAIN_CHECK) {
      this.sinceCheck = 0;
      await drained(this.out);
    }
  }

  end(): void {
    this.worksheet.commit();
  }
}

function cellValue(column: Column, value: SheetRow[string]): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (column.kind) {
    case 'date':
      return typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value;
    case 'money':
      // A sum past 2^53 arrives as its exact decimal string; a numeric cell would round it.
      return typeof value === 'string' && /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : value;
    default:
      return value;
  }
}

/** Waits while the output has more buffered than its high-water mark (a slow client). */
export function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
