import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { todayUtc } from '../common/clock.js';
import { groupBy, type RequestLoaders } from '../graphql/request-loaders.js';
import type { MilestoneRow } from './milestone.row.js';
import { MilestonesRepository } from './milestones.repository.js';
import type { ReportEventRow } from './report-event.model.js';
import type { ReportingPeriodRow } from './reporting-period.row.js';
import { type PlanSelection, ReportingPeriodsRepository } from './reporting-periods.repository.js';

/**
 * The reporting fields of a request, each one statement for every plan (or roll-up) it shows. "Today"
 * is fixed once per request, as for the roll-ups.
 */
@Injectable()
export class ReportingLoaders {
  constructor(
    private readonly periods: ReportingPeriodsRepository,
    private readonly milestones: MilestonesRepository,
  ) {}

  /** Every period of each plan, oldest first. */
  periodsByPlan(loaders: RequestLoaders) {
    return loaders.get('reporting.periodsByPlan', () => {
      const today = todayUtc();
      return new DataLoader<string, ReportingPeriodRow[]>(async (planIds) =>
        groupBy(planIds, await this.periods.periodsOfPlans(planIds, today), (p) => p.plan_id),
      );
    });
  }

  /** A period's events, oldest first, from the events of its whole plan. */
  async eventsOfPeriod(loaders: RequestLoaders, period: { planId: string; year: number }): Promise<ReportEventRow[]> {
    const byPlan = loaders.get(
      'reporting.eventsByPlan',
      () =>
        new DataLoader<string, ReportEventRow[]>(async (planIds) =>
          groupBy(planIds, await this.periods.eventsOfPlans(planIds), (e) => e.plan_id),
        ),
    );
    return (await byPlan.load(period.planId)).filter((e) => e.year === period.year);
  }

  /** Each plan's milestones by due date, then title. */
  milestonesByPlan(loaders: RequestLoaders) {
    return loaders.get('reporting.milestonesByPlan', () => {
      const today = todayUtc();
      return new DataLoader<string, MilestoneRow[]>(async (planIds) =>
        groupBy(planIds, await this.milestones.ofPlans(planIds, today), (m) => m.plan_id),
      );
    });
  }

  /**
   * The late periods of a portfolio's plans: one statement for every roll-up of the request (the
   * national one, each area secretariat's), keyed by its plan selection, which holds the caller's scope.
   */
  latePeriods(loaders: RequestLoaders, selection: PlanSelection, today: string): Promise<ReportingPeriodRow[]> {
    const loader = loaders.get(
      `reporting.latePeriods.${today}`,
      () =>
        new DataLoader<PlanSelection, ReportingPeriodRow[], string>((selections) => this.periods.latePeriods(selections, today), {
          cacheKeyFn: (s) => JSON.stringify([s.poolId ?? null, s.areaSecretariatId ?? null, s.planId ?? null]),
        }),
    );
    return loader.load(selection);
  }
}
