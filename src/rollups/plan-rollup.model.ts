import { ObjectType } from '@nestjs/graphql';

/**
 * A plan's roll-up: only which plan it is. Every field is resolved from the request's figures
 * (PlanRollupFiguresResolver, PlanRollupListsResolver), so that a client asking for the attention
 * reasons of the plans plansNeedingAttention lists costs nothing beyond that list (RollupsLoaders).
 */
@ObjectType('PlanRollup', { description: 'A plan’s totals, coherence warnings and attention reasons; see docs/rollups.md' })
export class PlanRollupModel {
  planId: string;
}
