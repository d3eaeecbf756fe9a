import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { todayUtc } from '../../common/clock.js';
import type { ResponsibleParty } from '../../common/enums.js';
import { groupBy, type RequestLoaders } from '../../graphql/request-loaders.js';
import { type PortfolioFilter, ResponsiblePartiesRepository } from './responsible-parties.repository.js';
import type { ResponsiblePartyRollupModel } from './responsible-party-rollup.model.js';

/** One statement for every roll-up's byResponsibleParty in a request, one for every goal's parties. */
@Injectable()
export class ResponsiblePartiesLoaders {
  constructor(private readonly repository: ResponsiblePartiesRepository) {}

  /** A plan roll-up is the portfolio `{ planId }`; "today" is fixed once per request. */
  byResponsibleParty(loaders: RequestLoaders, filter: PortfolioFilter): Promise<ResponsiblePartyRollupModel[]> {
    return loaders
      .get('byResponsibleParty', () => {
        const today = todayUtc();
        return new DataLoader<PortfolioFilter, ResponsiblePartyRollupModel[], string>(
          (filters) => this.repository.byResponsibleParty(filters, today),
          { cacheKeyFn: (f) => JSON.stringify([f.poolId ?? null, f.areaSecretariatId ?? null, f.planId ?? null]) },
        );
      })
      .load(filter);
  }

  async goalParties(loaders: RequestLoaders, goal: { id: string; planId: string }): Promise<ResponsibleParty[]> {
    const byPlan = loaders.get(
      'goalResponsibleParties',
      () =>
        new DataLoader<string, Map<string, ResponsibleParty[]>>(async (planIds) => {
          const rows = await this.repository.goalParties(planIds);
          return groupBy(planIds, rows, (r) => r.planId).map((planRows) => new Map(planRows.map((r) => [r.goalId, r.parties])));
        }),
    );
    return (await byPlan.load(goal.planId)).get(goal.id) ?? [];
  }
}
