import { type PortfolioFilter, plansNeedingAttentionStatement } from './portfolio.repository.js';

/**
 * Not used by the app. The PostGraphile peer harness (run beside `npm run bench`, see
 * docs/scaling.md) takes the exact `plansNeedingAttention` statement the build sends from
 * `dist/src/rollups/rollups.repository.js`: it constructs this class with a DataSource of its own
 * that records `query(sql, params)`, calls `plansNeedingAttention({}, today)`, expects one statement
 * with `[today]` as its parameters, and joins its rows to the plans by a column `id`. The roll-ups
 * moved to PortfolioRepository, whose statement answers `"planId"` and the reasons; this keeps that
 * contract by sending PortfolioRepository's statement (plansNeedingAttentionStatement) unchanged
 * inside a projection to `id`, in the same order.
 */
/** What the harness passes for a DataSource: only `query` is called. */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

export class RollupsRepository {
  constructor(private readonly dataSource: Queryable) {}

  async plansNeedingAttention(filter: PortfolioFilter, today: string): Promise<{ id: string }[]> {
    const { text, params } = plansNeedingAttentionStatement(filter, today);
    return this.dataSource.query(`SELECT attention."planId" AS id FROM (${text}) AS attention`, params);
  }
}
