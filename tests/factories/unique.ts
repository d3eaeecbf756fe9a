import { randomUUID } from 'node:crypto';

/** A suffix that keeps names unique across test files sharing one database. */
export function unique(prefix: string): string {
  return `${prefix} ${randomUUID().slice(0, 8)}`;
}
