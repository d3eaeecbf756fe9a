import DataLoader from 'dataloader';
import { type DataSource, type EntityTarget, type FindOptionsWhere, In } from 'typeorm';

/**
 * Rows that never change once created, kept by id for the life of the process. Pools (with their
 * focus areas) and municipalities qualify: the API can create them but has no operation that updates
 * or deletes them, so a row once read is the row for good, on every replica. That takes the registry
 * lookups out of every plan page and portfolio roll-up (bench/results.md: W1, W2).
 *
 * Only rows that exist are kept (an unknown id is asked again next time), and at most `capacity` of
 * them: the registry holds a few hundred rows, so the bound is a safety net, not an eviction policy.
 * Callers get the shared row frozen, so no request can change what the next one sees.
 */
export class ImmutableRows<T extends { id: string }> {
  private readonly rows = new Map<string, Readonly<T>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly entity: EntityTarget<T>,
    private readonly capacity = 10_000,
  ) {}

  /** A request's loader: cached rows at once, the others in one `WHERE id IN (…)`. */
  loader(): DataLoader<string, Readonly<T> | undefined> {
    return new DataLoader<string, Readonly<T> | undefined>(async (ids) => {
      const missing = ids.filter((id) => !this.rows.has(id));
      if (missing.length > 0) {
        const found = await this.dataSource.manager.findBy(this.entity, { id: In(missing) } as FindOptionsWhere<T>);
        for (const row of found) this.remember(row);
      }
      return ids.map((id) => this.rows.get(id));
    });
  }

  private remember(row: T): void {
    if (this.rows.size >= this.capacity) this.rows.delete(this.rows.keys().next().value!);
    this.rows.set(row.id, Object.freeze({ ...row }));
  }
}
