import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ResponsibleParty } from '../../common/enums.js';
import { prepared } from '../../database/prepared-statements.js';
import { readRows } from '../../database/read-rows.js';
import { toMoney } from '../../database/transformers.js';
import type { PortfolioRollupModel } from '../../rollups/portfolio-rollup.model.js';
import { portfolioScope } from '../../rollups/portfolio.repository.js';
import { staleActivitySql } from '../../rollups/stale-activity-rule.js';
import type { ResponsiblePartyRollupModel } from './responsible-party-rollup.model.js';

/** The plans a roll-up covers: every given condition ANDed (the caller's scope already in it). */
export type PortfolioFilter = PortfolioRollupModel['filter'];

/** The enum's order, for ORDER BY array_position(…): constants of the code, never input. */
const PARTY_ORDER = `ARRAY[${Object.values(ResponsibleParty).map((p) => `'${p}'`).join(', ')}]::text[]`;

/**
 * byResponsibleParty of any number of roll-ups at once, plan roll-ups ({ planId }) and portfolio
 * roll-ups (their filters) alike: each roll-up is one branch of `portfolio_plans`, with its own
 * conditions on plans from the portfolio roll-up's own portfolioScope ($2…; none nationally), so that
 * PostgreSQL estimates each as it is: one plan (read by activities_plan_idx), an area's few dozen, or
 * all of them (one pass over the activities: 20 ms nationally on 700 plans, against 50 ms for 700
 * index scans when one generic statement took every roll-up's conditions as arrays). $1 is today.
 * One row per roll-up and party with at least one non-cancelled activity: count, budget, the latest
 * entries' spend, the mean of the latest entries' percentComplete (no entry counting 0; sums of whole
 * percentages are exact, so the mean is one correctly rounded division) and the stale ones by the
 * roll-up's rule. The text varies with the number and kinds of roll-ups in a request, so it is not a
 * prepared statement.
 */
function byResponsiblePartySql(filters: readonly PortfolioFilter[], today: string): { text: string; params: unknown[] } {
  let params: unknown[] = [today];
  const branches = filters.map((filter, portfolio) => {
    const scope = portfolioScope(filter, params);
    params = scope.params;
    return `SELECT ${portfolio} AS portfolio, p.id, p.reporting_interval_days FROM plans p WHERE ${scope.where}`;
  });
  const text = `WITH
   portfolio_plans AS (
     ${branches.join('\n     UNION ALL ')}
   )
   SELECT pp.portfolio, a.responsible_party,
          count(*)::int AS activity_count,
          sum(a.budget)::text AS budget,
          sum(coalesce(a.latest_spent, 0))::text AS spent,
          sum(coalesce(a.latest_percent_complete, 0))::float8 / count(*)::float8 AS progress,
          (count(*) FILTER (WHERE ${staleActivitySql('a', 'pp', '$1')}))::int AS stale_count
   FROM portfolio_plans pp
   JOIN activities a ON a.plan_id = pp.id
   WHERE a.status <> 'CANCELLED'
   GROUP BY pp.portfolio, a.responsible_party
   ORDER BY pp.portfolio, array_position(${PARTY_ORDER}, a.responsible_party)`;
  return { text, params };
}

/**
 * Goal.responsibleParties for every goal of the plans $1: the distinct parties of the non-cancelled
 * activities linked into each goal's subtree. Each (goal, party) served directly climbs to every
 * ancestor; UNION keeps one row per goal and party, so the walk ends after the tree's depth.
 */
const GOAL_PARTIES = prepared(
  'goal_responsible_parties',
  `WITH RECURSIVE
   served AS (
     SELECT DISTINCT l.goal_id, a.responsible_party
     FROM activity_goal_links l
     JOIN activities a ON a.id = l.activity_id
     WHERE l.plan_id = ANY($1::uuid[]) AND a.status <> 'CANCELLED'
   ),
   upward (goal_id, responsible_party) AS (
     SELECT goal_id, responsible_party FROM served
     UNION
     SELECT g.parent_id, u.responsible_party
     FROM upward u
     JOIN goals g ON g.id = u.goal_id
     WHERE g.parent_id IS NOT NULL
   )
   SELECT u.goal_id, g.plan_id, array_agg(u.responsible_party ORDER BY array_position(${PARTY_ORDER}, u.responsible_party)) AS parties
   FROM upward u
   JOIN goals g ON g.id = u.goal_id
   GROUP BY u.goal_id, g.plan_id`,
);

interface PartyRow {
  portfolio: number;
  responsible_party: ResponsibleParty;
  activity_count: number;
  budget: string;
  spent: string;
  progress: number;
  stale_count: number;
}

/** "Who does what" (docs/coordination.md), each question one statement over a batch. */
@Injectable()
export class ResponsiblePartiesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** For each filter, in order, its rows in the enum's order. `today` is 'YYYY-MM-DD'. */
  async byResponsibleParty(filters: readonly PortfolioFilter[], today: string): Promise<ResponsiblePartyRollupModel[][]> {
    const { text, params } = byResponsiblePartySql(filters, today);
    const rows = await readRows<PartyRow>(this.dataSource, text, params);
    const result = filters.map((): ResponsiblePartyRollupModel[] => []);
    for (const r of rows) {
      result[r.portfolio].push({
        responsibleParty: r.responsible_party,
        activityCount: r.activity_count,
        budget: toMoney(r.budget),
        spent: toMoney(r.spent),
        progress: r.progress,
        staleCount: r.stale_count,
      });
    }
    return result;
  }

  /** The goals of these plans that some non-cancelled activity serves, each with its parties in the enum's order. */
  async goalParties(planIds: readonly string[]): Promise<{ goalId: string; planId: string; parties: ResponsibleParty[] }[]> {
    const rows = await readRows<{ goal_id: string; plan_id: string; parties: ResponsibleParty[] }>(this.dataSource, GOAL_PARTIES, [[...planIds]]);
    return rows.map((r) => ({ goalId: r.goal_id, planId: r.plan_id, parties: r.parties }));
  }
}
