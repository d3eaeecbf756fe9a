import busboy from 'busboy';
import type { Request } from 'express';
import getRawBody from 'raw-body';
import { notAWorkbook, tooLarge } from '../http/http-refusal.js';

/** The largest import file. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * The uploaded workbook's bytes, at most `limit` of them: the raw request body (any content type but
 * JSON), or the one file field `file` of a multipart/form-data body. This route has its own reader
 * and limit; the app's JSON parser (BODY_LIMIT_BYTES) never sees these bodies. A body over the limit
 * is refused with 413 as soon as it passes it, without reading the rest into memory.
 */
export async function readUpload(req: Request, limit = MAX_UPLOAD_BYTES): Promise<Buffer> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/json') || req.readableEnded) {
    throw notAWorkbook('Send the .xlsx file itself as the request body (or as the field "file" of a multipart/form-data body), not JSON');
  }
  const file = type.startsWith('multipart/form-data') ? await multipartFile(req, limit) : await rawBody(req, limit);
  if (file.length === 0) throw notAWorkbook('The request body is empty: send the .xlsx file');
  return file;
}

const tooLargeError = (limit: number) => tooLarge(`The file is larger than ${limit} bytes (5 MB); split the import into several files`);

async function rawBody(req: Request, limit: number): Promise<Buffer> {
  try {
    return await getRawBody(req, { limit, length: req.headers['content-length'] });
  } catch (error) {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') throw tooLargeError(limit);
    throw notAWorkbook(`The request body could not be read: ${(error as Error).message}`);
  }
}

function multipartFile(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: limit, fields: 10, parts: 12 } });
    } catch (error) {
      reject(notAWorkbook(`The multipart body cannot be read: ${(error as Error).message}`));
      return;
    }
    let file: Buffer | undefined;
    let failure: Error | undefined;
    parser.on('file', (field, stream) => {
      if (field !== 'file') {
        failure ??= notAWorkbook(`The multipart body's file field must be named "file", not "${field}"`);
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        failure ??= tooLargeError(limit);
      });
      stream.on('end', () => {
        if (!failure) file = Buffer.concat(chunks);
      });
    });
    parser.on('filesLimit', () => {
      failure ??= notAWorkbook('Send one file per import');
    });
    parser.on('error', (error: Error) => reject(notAWorkbook(`The multipart body cannot be read: ${error.message}`)));
    parser.on('close', () => {
      if (failure) reject(failure);
      else if (!file) reject(notAWorkbook('The multipart body has no file field "file"'));
      else resolve(file);
    });
    req.pipe(parser);
  });
}
