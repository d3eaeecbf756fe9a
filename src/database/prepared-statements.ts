/**
 * Statements a real PostgreSQL server keeps prepared, per connection. A statement registered here
 * is sent by name (node-postgres parses it once per connection and then only binds and executes);
 * after five executions PostgreSQL settles on a generic plan when that is no costlier than planning
 * each time, which for the roll-up statements saves more time than executing them takes
 * (bench/analysis.md). Only constant texts with `$n` parameters qualify: the registry is keyed by
 * the text, so a statement whose text varied would prepare a new statement per variant.
 *
 * The embedded engine serves every connection through one session (and the test suite restarts it),
 * so it never uses names: src/database/resilient-client.ts prepares only on a real server.
 */
const names = new Map<string, string>();

/** Registers `text` under `name` and returns it, for use as a module constant. */
export function prepared(name: string, text: string): string {
  const full = `planspor_${name}`;
  const existing = names.get(text);
  if (existing !== undefined && existing !== full) throw new Error(`statement ${name} repeats the text of ${existing}`);
  if (existing === undefined && [...names.values()].includes(full)) throw new Error(`two statements are named ${name}`);
  names.set(text, full);
  return text;
}

/** The registered name of a statement's text, if it has one. */
export function preparedName(text: string): string | undefined {
  return names.get(text);
}

const variantCounts = new Map<string, number>();

/**
 * A statement whose text takes one of a few fixed shapes (by the caller's role, by which conditions a
 * filter gives): each text is registered on its first use as `family`_0, `family`_1, …, so the callers
 * need not name their shapes. The shapes must be few and fixed, as for prepared(): never a text that
 * carries a value. Where the shapes come from clients' documents (a compiled plan page's selection),
 * `max` bounds them: past it, a new shape runs unnamed, so no client can make the registry grow.
 */
export function preparedVariant(family: string, text: string, max = Infinity): string {
  if (names.has(text)) return text;
  const n = variantCounts.get(family) ?? 0;
  if (n >= max) return text;
  variantCounts.set(family, n + 1);
  return prepared(`${family}_${n}`, text);
}
