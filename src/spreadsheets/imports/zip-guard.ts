import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { notAWorkbook, tooLarge } from '../http/http-refusal.js';

/** What an import may unpack to, in all: a full 5 MB workbook of text is some 40 MB of XML. */
export const MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;
/** The shared strings are kept in memory while the sheets are read, so they get a bound of their own. */
export const MAX_SHARED_STRINGS_BYTES = 24 * 1024 * 1024;
const MAX_ENTRIES = 500;

/** A checked archive: its entries by name, each opened as a stream from the central directory. */
export interface WorkbookZip {
  entries: Map<string, Entry>;
  open(entry: Entry): Promise<Readable>;
  close(): void;
}

/**
 * Opens an upload as an .xlsx archive with yauzl, checking it before any XML is parsed: that it is a
 * zip with an xl/workbook.xml, not encrypted, and that it cannot unpack to more than
 * MAX_UNCOMPRESSED_BYTES (a zip bomb). The declared sizes of the central directory are added up
 * first; then every entry is inflated once and what comes out is counted (yauzl fails an entry
 * whose data does not match its declared size, so a directory that lies is caught too). The sheets
 * are later read from the same directory (workbook-reader.ts), so nothing unchecked is ever parsed.
 */
export async function openWorkbookZip(file: Buffer): Promise<WorkbookZip> {
  if (file.length < 22 || file.readUInt32LE(0) !== 0x04034b50) {
    throw notAWorkbook('The file is not an .xlsx workbook (an .xlsx is a zip archive; save the sheet as "Excel Workbook (.xlsx)")');
  }
  const zip = await open(file);
  try {
    const entries = await readEntries(zip);
    if (!entries.has('xl/workbook.xml')) throw notAWorkbook('The zip archive holds no xl/workbook.xml: it is not an .xlsx workbook');
    let declared = 0;
    for (const entry of entries.values()) {
      if (entry.isEncrypted()) throw notAWorkbook('The workbook is encrypted: save it without a password');
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw notAWorkbook(`Zip entry ${entry.fileName} uses an unsupported compression`);
      declared += entry.uncompressedSize;
    }
    if (declared > MAX_UNCOMPRESSED_BYTES) {
      throw tooLarge(`The workbook would unpack to ${declared} bytes, more than the ${MAX_UNCOMPRESSED_BYTES} an import may`);
    }
    const sharedStrings = entries.get('xl/sharedStrings.xml');
    if (sharedStrings && sharedStrings.uncompressedSize > MAX_SHARED_STRINGS_BYTES) {
      throw tooLarge(`The workbook's shared strings would unpack to ${sharedStrings.uncompressedSize} bytes, more than ${MAX_SHARED_STRINGS_BYTES}`);
    }
    for (const entry of entries.values()) await inflateCounting(zip, entry);
    return {
      entries,
      open: async (entry) => {
        try {
          return await zip.openReadStreamPromise(entry);
        } catch (error) {
          throw notAWorkbook(`Zip entry ${entry.fileName} cannot be read: ${(error as Error).message}`);
        }
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

function open(file: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(file, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (error, zip) =>
      error ? reject(notAWorkbook(`The file is not a readable .xlsx workbook: ${error.message}`)) : resolve(zip),
    ),
  );
}

function readEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  if (zip.entryCount > MAX_ENTRIES) return Promise.reject(notAWorkbook(`The zip archive has ${zip.entryCount} entries; a workbook has a few dozen`));
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      if (entries.has(entry.fileName)) {
        reject(notAWorkbook(`The zip archive holds ${entry.fileName} twice`));
        return;
      }
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(notAWorkbook(`The zip archive is damaged: ${error.message}`)));
    zip.readEntry();
  });
}

/** Inflates one entry and throws the output away: yauzl fails if it is longer or shorter than declared. */
async function inflateCounting(zip: ZipFile, entry: Entry): Promise<void> {
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const _chunk of stream) {
      // counted by yauzl against entry.uncompressedSize
    }
  } catch (error) {
    throw notAWorkbook(`Zip entry ${entry.fileName} is damaged: ${(error as Error).message}`);
  }
}
