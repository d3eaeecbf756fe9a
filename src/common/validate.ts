import { addDays } from './clock.js';
import { BadInputError, NotFoundError } from './errors.js';

/**
 * Input checks shared by every service. Each names the field (as the client spelled it) in its error.
 * GraphQL already guarantees types and non-null; these check meaning.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that cannot exist is simply not found; the database never sees it. */
export function requireUuid(id: string, entity: string, field?: string): string {
  if (!UUID.test(id)) throw new NotFoundError(entity, id, field);
  return id.toLowerCase();
}

export function isUuid(id: string): boolean {
  return UUID.test(id);
}

export const MAX_TEXT = 200;
export const MAX_LONG_TEXT = 10_000;

// NUL cannot be stored in PostgreSQL text, and a lone surrogate is not text at all.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

function requireStorable(field: string, value: string): void {
  if (!isStorableText(value)) throw new BadInputError(field, 'must not contain NUL characters or unpaired surrogates');
}

/** Trims, refuses empty and over-long text. */
export function requireText(field: string, value: string, max = MAX_TEXT): string {
  requireStorable(field, value);
  const trimmed = value.trim();
  if (!trimmed) throw new BadInputError(field, 'must not be empty');
  if (trimmed.length > max) throw new BadInputError(field, `must be at most ${max} characters`);
  return trimmed;
}

/** Optional text: undefined stays undefined (no change), null or blank becomes null (cleared). */
export function optionalText(field: string, value: string | null | undefined, max = MAX_LONG_TEXT) {
  if (value === undefined) return undefined;
  if (value === null) return null;
  requireStorable(field, value);
  const trimmed = value.trim();
  if (!trimmed) return null;
  if (trimmed.length > max) throw new BadInputError(field, `must be at most ${max} characters`);
  return trimmed;
}

export function requireNonNegative(field: string, value: number): number {
  if (value < 0) throw new BadInputError(field, `must not be negative, got ${value}`);
  return value;
}

export function requireIntRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadInputError(field, `must be a whole number from ${min} to ${max}, got ${value}`);
  }
  return value;
}

export function requireFinite(field: string, value: number): number {
  if (!Number.isFinite(value)) throw new BadInputError(field, 'must be a finite number');
  return value;
}

/** Dates are YYYY-MM-DD strings, which compare correctly as strings. */
export function requireDateOrder(startField: string, start: string, endField: string, end: string): void {
  if (end < start) throw new BadInputError(endField, `${end} is before ${startField} ${start}`);
}

/** Enums arrive validated by GraphQL; this guards against a value set to an explicit null. */
export function requirePresent<T>(field: string, value: T | null | undefined): T {
  if (value === null || value === undefined) throw new BadInputError(field, 'must not be null');
  return value;
}

/**
 * How far after today a reported or measured date may lie: a week, for a report written ahead of a
 * meeting. A date beyond it is a typing mistake (2030 for 2026), which would otherwise become the
 * latest figure for good.
 */
export const MAX_DAYS_AHEAD = 7;

export function requireNotTooFarAhead(field: string, date: string, today: string): void {
  const latestAllowed = addDays(today, MAX_DAYS_AHEAD);
  if (date > latestAllowed) {
    throw new BadInputError(field, `${date} is more than ${MAX_DAYS_AHEAD} days ahead (latest ${latestAllowed})`);
  }
}
