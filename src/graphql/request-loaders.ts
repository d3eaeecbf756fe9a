import DataLoader from 'dataloader';
import { type DataSource, type EntityTarget, type FindOptionsWhere, In } from 'typeorm';

/**
 * The DataLoaders of one request, created on first use. Each module names and builds its own
 * (see `*.loaders.ts`); a loader lives as long as its request, so nothing is cached across callers.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Groups rows by a key in the order of the requested keys: the usual one-to-many batch result. */
export function groupBy<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** Rows by a key, in their order: e.g. a plan's rows by the goal or activity they belong to. */
export function groupedBy<K, T>(rows: T[], keyOf: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row));
    if (group) group.push(row);
    else groups.set(keyOf(row), [row]);
  }
  return groups;
}

/** One row per requested key (undefined where absent): the usual by-id batch result. */
export function byKey<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | undefined)[] {
  const map = new Map<K, T>(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key));
}

/** Rows by primary key `id`: one `WHERE id IN (…)` for all the ids a request asks for at once. */
export function rowsById<T extends { id: string }>(dataSource: DataSource, entity: EntityTarget<T>): DataLoader<string, T | undefined> {
  return new DataLoader<string, T | undefined>(async (ids) =>
    byKey(ids, await dataSource.manager.findBy(entity, { id: In([...ids]) } as FindOptionsWhere<T>), (row) => row.id),
  );
}
