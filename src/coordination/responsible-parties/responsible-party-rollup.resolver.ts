import { ResolveField, Resolver } from '@nestjs/graphql';
import { ResponsibleParty } from '../../common/enums.js';
import { GoalModel } from '../../goals/goal.model.js';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import { PlanRollupModel } from '../../rollups/plan-rollup.model.js';
import { PortfolioRollupModel } from '../../rollups/portfolio-rollup.model.js';
import { ResponsiblePartiesLoaders } from './responsible-parties.loaders.js';
import { ResponsiblePartyRollupModel } from './responsible-party-rollup.model.js';

const BY_RESPONSIBLE_PARTY = {
  description: 'One row per responsible party with a non-cancelled activity, in the enum’s order',
} as const;

@Resolver(() => PlanRollupModel)
export class PlanRollupResponsiblePartiesResolver {
  constructor(private readonly parties: ResponsiblePartiesLoaders) {}

  @ResolveField(() => [ResponsiblePartyRollupModel], BY_RESPONSIBLE_PARTY)
  byResponsibleParty(rollup: PlanRollupModel, _args: unknown, { loaders }: GraphQLContext): Promise<ResponsiblePartyRollupModel[]> {
    return this.parties.byResponsibleParty(loaders, { planId: rollup.planId });
  }
}

/** Over the plans the roll-up covers: its filter carries the caller's scope (RollupsService). */
@Resolver(() => PortfolioRollupModel)
export class PortfolioRollupResponsiblePartiesResolver {
  constructor(private readonly parties: ResponsiblePartiesLoaders) {}

  @ResolveField(() => [ResponsiblePartyRollupModel], BY_RESPONSIBLE_PARTY)
  byResponsibleParty(rollup: PortfolioRollupModel, _args: unknown, { loaders }: GraphQLContext): Promise<ResponsiblePartyRollupModel[]> {
    return this.parties.byResponsibleParty(loaders, rollup.filter);
  }
}

@Resolver(() => GoalModel)
export class GoalResponsiblePartiesResolver {
  constructor(private readonly parties: ResponsiblePartiesLoaders) {}

  @ResolveField(() => [ResponsibleParty], {
    description: 'The distinct parties of the non-cancelled activities linked into this goal’s subtree, in the enum’s order',
  })
  responsibleParties(goal: GoalModel, _args: unknown, { loaders }: GraphQLContext): Promise<ResponsibleParty[]> {
    return this.parties.goalParties(loaders, goal);
  }
}
