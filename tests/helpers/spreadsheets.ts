import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

export interface Download {
  status: number;
  contentType: string | null;
  disposition: string | null;
  body: Buffer;
  /** The JSON body of a refusal (or of an import's answer). */
  json: any;
}

/** GET (or POST with a body) to the app as a plain HTTP client would. */
export async function http(
  baseUrl: string,
  path: string,
  token?: string,
  init: { method?: string; body?: Buffer | FormData; contentType?: string } = {},
): Promise<Download> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (init.contentType) headers['content-type'] = init.contentType;
  const response = await fetch(`${baseUrl}${path}`, { method: init.method ?? (init.body ? 'POST' : 'GET'), headers, body: init.body as never });
  const body = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type');
  let json: unknown;
  if (contentType?.includes('json')) json = JSON.parse(body.toString('utf8'));
  return { status: response.status, contentType, disposition: response.headers.get('content-disposition'), body, json };
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a workbook to POST /imports/plans/{planId}. */
export function importFile(baseUrl: string, planId: string, file: Buffer, token: string, { dryRun = false, contentType = XLSX } = {}) {
  return http(baseUrl, `/imports/plans/${planId}${dryRun ? '?dryRun=true' : ''}`, token, { body: file, contentType });
}

/** Reads a downloaded workbook whole (tests only: the files are small). */
export async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as never);
  return workbook;
}

export type Cell = string | number | boolean | Date | null;

/** A sheet's rows as objects keyed by its header row (row 1), empty cells as null. */
export function sheetRows(sheet: ExcelJS.Worksheet): Record<string, Cell>[] {
  const headers = headerRow(sheet);
  const rows: Record<string, Cell>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const record: Record<string, Cell> = {};
    headers.forEach((header, i) => {
      const value = row.getCell(i + 1).value;
      record[header] = value === undefined || value === null ? null : (value as Cell);
    });
    rows.push(record);
  });
  return rows;
}

export function headerRow(sheet: ExcelJS.Worksheet): string[] {
  const values = sheet.getRow(1).values as unknown[];
  return values.slice(1).map((v) => String(v));
}

/** A date cell as the date it shows (UTC), for comparing with GraphQL's YYYY-MM-DD. */
export function day(value: Cell): string | null {
  if (value === null) return null;
  if (!(value instanceof Date)) throw new Error(`expected a date cell, got ${JSON.stringify(value)}`);
  return value.toISOString().slice(0, 10);
}

/** A workbook for an import: sheet name → rows (the first one the header). */
export async function workbookOf(sheets: Record<string, Cell[][] | ((sheet: ExcelJS.Worksheet) => void)>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    if (typeof rows === 'function') rows(sheet);
    else for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Sizes to write into the headers instead of the true ones (a lying archive). */
  declaredSize?: number;
}

/** A zip written by hand, so that tests can build archives no library would (bombs, liars). */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a one-sheet .xlsx around a hand-written sheet XML. */
export function xlsxParts(sheetName: string, sheetXml: Buffer | string): ZipEntry[] {
  return [
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
          `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
          `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: typeof sheetXml === 'string' ? Buffer.from(sheetXml) : sheetXml },
  ];
}

/** Sheet XML with inline strings: `rows` of cell texts, row numbers from 1. */
export function sheetXml(rows: string[][], tail = ''): string {
  const cols = (i: number) => String.fromCharCode(65 + i);
  const body = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((text, c) => `<c r="${cols(c)}${r + 1}" t="inlineStr"><is><t>${text}</t></is></c>`).join('')}</row>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${body}${tail}</sheetData></worksheet>`;
}
