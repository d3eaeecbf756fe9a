import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { todayUtc } from '../common/clock.js';
import type { AttentionReason } from '../common/enums.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import {
  type ActivityFigures,
  type GoalRollupFigures,
  type IndicatorFigures,
  type PlanFigures,
  PlanFiguresRepository,
  type PlanRollupFigures,
} from './plan-figures.repository.js';
import type { PlanAttention } from './portfolio.repository.js';

/**
 * Every roll-up field of a request comes from one statement: the figures of all the plans whose
 * goals, activities, indicators or roll-ups the request shows, whatever their number. "Today" is
 * fixed once per request.
 */
@Injectable()
export class RollupsLoaders {
  constructor(private readonly rollups: PlanFiguresRepository) {}

  async planRollup(loaders: RequestLoaders, planId: string): Promise<PlanRollupFigures> {
    return (await this.figures(loaders).load(planId)).rollup;
  }

  async goalRollup(loaders: RequestLoaders, goal: { id: string; planId: string }): Promise<GoalRollupFigures> {
    return this.of((await this.figures(loaders).load(goal.planId)).goals, goal.id);
  }

  async activityFigures(loaders: RequestLoaders, activity: { id: string; planId: string }): Promise<ActivityFigures> {
    return this.of((await this.figures(loaders).load(activity.planId)).activities, activity.id);
  }

  async indicatorFigures(loaders: RequestLoaders, indicator: { id: string; planId: string }): Promise<IndicatorFigures> {
    return this.of((await this.figures(loaders).load(indicator.planId)).indicators, indicator.id);
  }

  /**
   * A plan's attention reasons: from its figures, unless plansNeedingAttention has already given
   * them (primeAttention), so that `plansNeedingAttention { rollup { attentionReasons } }` costs no
   * statement beyond the list's own, however many plans it names.
   */
  attentionReasons(loaders: RequestLoaders, planId: string): Promise<AttentionReason[]> {
    return this.attention(loaders).load(planId);
  }

  primeAttention(loaders: RequestLoaders, plans: PlanAttention[]): void {
    const attention = this.attention(loaders);
    for (const plan of plans) attention.prime(plan.planId, plan.reasons);
  }

  private attention(loaders: RequestLoaders): DataLoader<string, AttentionReason[]> {
    return loaders.get(
      'rollups.attention',
      () =>
        new DataLoader<string, AttentionReason[]>(async (planIds) =>
          (await this.figures(loaders).loadMany(planIds)).map((figures) => (figures instanceof Error ? figures : figures.rollup.attentionReasons)),
        ),
    );
  }

  private figures(loaders: RequestLoaders): DataLoader<string, PlanFigures> {
    return loaders.get('rollups.plan', () => {
      const today = todayUtc();
      return new DataLoader<string, PlanFigures>(async (planIds) => {
        const figures = await this.rollups.planFigures([...planIds], today);
        return planIds.map((id) => figures.get(id) ?? new Error(`no figures for plan ${id}`));
      });
    });
  }

  private of<T>(figures: Map<string, T>, id: string): T {
    const found = figures.get(id);
    // Only an object that vanished between its own read and this one (or a goal outside any tree).
    if (!found) throw new Error(`no figures for ${id}`);
    return found;
  }
}
