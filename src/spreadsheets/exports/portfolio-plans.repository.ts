import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PlanStatus } from '../../common/enums.js';
import { toMoney, type Kroner } from '../../database/transformers.js';
import { type PortfolioFilter, portfolioScope } from '../../rollups/portfolio.repository.js';

export interface PortfolioPlan {
  id: string;
  title: string;
  status: PlanStatus;
  poolId: string;
  municipalityId: string;
  areaSecretariatId: string | null;
  areaSecretariat: string | null;
  startDate: string;
  endDate: string;
  lbfGrant: Kroner;
  localCofinancing: Kroner;
}

/** Plans read per page: a page's figures are one statement, and memory holds one page at a time. */
export const PLAN_PAGE_SIZE = 200;

/**
 * The plans of a portfolio (the same filter the roll-up was computed for, the caller's scope
 * included) in pages of PLAN_PAGE_SIZE, by title, then id: keyset pagination on plans_title_idx,
 * so every page costs the same and the number of statements is the number of pages.
 */
@Injectable()
export class PortfolioPlansRepository {
  constructor(private readonly dataSource: DataSource) {}

  async *pages(filter: PortfolioFilter): AsyncGenerator<PortfolioPlan[]> {
    let after: { title: string; id: string } | undefined;
    for (;;) {
      const page = await this.page(filter, after);
      if (page.length > 0) yield page;
      if (page.length < PLAN_PAGE_SIZE) return;
      after = page[page.length - 1]!;
    }
  }

  private async page(filter: PortfolioFilter, after?: { title: string; id: string }): Promise<PortfolioPlan[]> {
    // The roll-up's own filter SQL, so the pages hold exactly the plans the figures were computed for.
    const scope = portfolioScope(filter, []);
    const params = scope.params;
    const conditions = [scope.where];
    if (after) {
      params.push(after.title, after.id);
      conditions.push(`(p.title, p.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(PLAN_PAGE_SIZE);
    const rows: Record<string, string | null>[] = await this.dataSource.query(
      `SELECT p.id, p.title, p.status, p.pool_id, p.municipality_id, p.area_secretariat_id, a.name AS area_secretariat,
              to_char(p.start_date, 'YYYY-MM-DD') AS start_date, to_char(p.end_date, 'YYYY-MM-DD') AS end_date,
              p.lbf_grant, p.local_cofinancing
       FROM plans p
       LEFT JOIN area_secretariats a ON a.id = p.area_secretariat_id
       WHERE ${conditions.join(' AND ')}
       ORDER BY p.title, p.id
       LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id!,
      title: r.title!,
      status: r.status as PlanStatus,
      poolId: r.pool_id!,
      municipalityId: r.municipality_id!,
      areaSecretariatId: r.area_secretariat_id,
      areaSecretariat: r.area_secretariat,
      startDate: r.start_date!,
      endDate: r.end_date!,
      lbfGrant: toMoney(r.lbf_grant),
      localCofinancing: toMoney(r.local_cofinancing),
    }));
  }
}

/**
 * Loads each item of `source` with `load`, one item ahead: the next page is read from the database
 * while the current one is written, so the two overlap. At most two pages are held at a time.
 */
export async function* readAhead<T, U>(source: AsyncIterable<T>, load: (item: T) => Promise<U>): AsyncGenerator<U> {
  let pending: Promise<U> | undefined;
  for await (const item of source) {
    const next = load(item);
    next.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
    if (pending) yield await pending;
    pending = next;
  }
  if (pending) yield await pending;
}
