import { BadInputError } from '../common/errors.js';

/** Opaque keyset cursors: the sort key of the last row, base64url-encoded JSON. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(field: string, cursor: string, arity: number): string[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string')) return key;
  } catch {
    // fall through to the error below
  }
  throw new BadInputError(field, 'is not a cursor returned by this API');
}

export const MAX_PAGE_SIZE = 200;

/** The page size of `first: Int = 50` when it is left out or sent as null (GraphQL applies a default only to an absent argument). */
export const DEFAULT_PAGE_SIZE = 50;

export function requirePageSize(first: number): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadInputError('first', `must be a whole number from 0 to ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return first;
}
