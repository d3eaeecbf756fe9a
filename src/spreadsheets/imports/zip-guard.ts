import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { notAWorkbook, tooLarge } from '../http/http-refusal.js';

/** What an import may unpack to, in all: a full 5 MB workbook of text is some 40 MB of XML. */
export const MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 500;

/**
 * Checks an upload before any spreadsheet parser sees it: that it is a zip holding an .xlsx
 * workbook, and that it cannot unpack to more than MAX_UNCOMPRESSED_BYTES (a zip bomb). With yauzl
 * it reads the central directory and adds up the declared sizes, then inflates every entry, counting
 * what actually comes out (yauzl refuses an entry whose data does not match its declared size). The
 * streaming parser that reads the sheets afterwards walks the local headers instead, so the entries
 * must also lie back to back from byte 0 to the central directory, each local header naming the
 * same file as the directory: no hidden entry is left for the parser to find. Encrypted, zip64 and
 * otherwise unusual archives are refused: Excel and LibreOffice write none of them for a sheet this size.
 */
export async function checkWorkbookZip(file: Buffer): Promise<void> {
  if (file.length < 22 || file.readUInt32LE(0) !== 0x04034b50) {
    throw notAWorkbook('The file is not an .xlsx workbook (an .xlsx is a zip archive; save the sheet as "Excel Workbook (.xlsx)")');
  }
  const centralDirectory = centralDirectoryOffset(file);
  const zip = await open(file);
  try {
    const entries = await readEntries(zip);
    if (!entries.some((e) => e.fileName === 'xl/workbook.xml')) throw notAWorkbook('The zip archive holds no xl/workbook.xml: it is not an .xlsx workbook');
    const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > MAX_UNCOMPRESSED_BYTES) {
      throw tooLarge(`The workbook would unpack to ${declared} bytes, more than the ${MAX_UNCOMPRESSED_BYTES} an import may`);
    }
    let expectedOffset = 0;
    for (const entry of [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader)) {
      if (entry.isEncrypted()) throw notAWorkbook('The workbook is encrypted: save it without a password');
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw notAWorkbook(`Zip entry ${entry.fileName} uses an unsupported compression`);
      if (entry.relativeOffsetOfLocalHeader !== expectedOffset) throw notAWorkbook('The zip archive has data outside its directory');
      const local = await zip.readLocalFileHeaderPromise(entry);
      if (local.fileName.toString('utf8') !== entry.fileName && local.fileName.toString('latin1') !== entry.fileName) {
        throw notAWorkbook('The zip archive names an entry differently in its directory and its data');
      }
      const hasDescriptor = (local.generalPurposeBitFlag & 0x8) !== 0;
      if (!hasDescriptor && (local.compressedSize !== entry.compressedSize || local.uncompressedSize !== entry.uncompressedSize)) {
        throw notAWorkbook('The zip archive declares different sizes in its directory and its data');
      }
      expectedOffset = local.fileDataStart + entry.compressedSize + (hasDescriptor ? descriptorLength(file, local.fileDataStart + entry.compressedSize) : 0);
      await inflateCounting(zip, entry);
    }
    if (expectedOffset !== centralDirectory) throw notAWorkbook('The zip archive has data outside its directory');
  } finally {
    zip.close();
  }
}

function open(file: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(file, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (error, zip) =>
      error ? reject(notAWorkbook(`The file is not a readable .xlsx workbook: ${error.message}`)) : resolve(zip),
    ),
  );
}

function readEntries(zip: ZipFile): Promise<Entry[]> {
  if (zip.entryCount > MAX_ENTRIES) return Promise.reject(notAWorkbook(`The zip archive has ${zip.entryCount} entries; a workbook has a few dozen`));
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(notAWorkbook(`The zip archive is damaged: ${error.message}`)));
    zip.readEntry();
  });
}

/** Inflates one entry and throws away the output: yauzl fails if it is longer or shorter than declared. */
async function inflateCounting(zip: ZipFile, entry: Entry): Promise<void> {
  const stream = await zip.openReadStreamPromise(entry);
  try {
    for await (const _chunk of stream) {
      // counted by yauzl against entry.uncompressedSize
    }
  } catch (error) {
    throw notAWorkbook(`Zip entry ${entry.fileName} is damaged: ${(error as Error).message}`);
  }
}

/** The end-of-central-directory record's offset of the directory; zip64 archives are refused. */
function centralDirectoryOffset(file: Buffer): number {
  for (let i = file.length - 22; i >= Math.max(0, file.length - 22 - 0xffff); i -= 1) {
    if (file.readUInt32LE(i) === 0x06054b50) {
      const offset = file.readUInt32LE(i + 16);
      if (offset === 0xffffffff) throw notAWorkbook('Zip64 archives are not read: a workbook of at most 5 MB never needs one');
      return offset;
    }
  }
  throw notAWorkbook('The file is not an .xlsx workbook: no zip directory found');
}

/** A data descriptor: crc, compressed and uncompressed size (4 bytes each), optionally signed. */
function descriptorLength(file: Buffer, at: number): number {
  return at + 4 <= file.length && file.readUInt32LE(at) === 0x08074b50 ? 16 : 12;
}
