import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { Kroner } from '../database/transformers.js';
import { MoneyScalar } from '../graphql/scalars/money.scalar.js';
import type { PortfolioFilter } from './portfolio.repository.js';
import type { ScopedPortfolio } from './rollups.service.js';

@ObjectType('FocusAreaRollup')
export class FocusAreaRollupModel {
  @Field(() => Int) activityCount: number;
  @Field(() => MoneyScalar) budget: Kroner;
  @Field(() => Float, { nullable: true }) progress: number | null;
  focusAreaId: string;
}

@ObjectType('MunicipalityRollup')
export class MunicipalityRollupModel {
  @Field(() => Int) planCount: number;
  @Field(() => MoneyScalar) lbfGrant: Kroner;
  @Field(() => Float, { nullable: true, description: 'Mean over the activities of these plans, not a mean of plan means' })
  progress: number | null;
  municipalityId: string;
}

@ObjectType('UnassignedFocusAreaRollup', {
  description: 'The non-cancelled activities without a focus area: with byFocusArea, they add up to the totals',
})
export class UnassignedFocusAreaRollupModel {
  @Field(() => Int) activityCount: number;
  @Field(() => MoneyScalar) budget: Kroner;
  @Field(() => Float, { nullable: true, description: 'null when there are none' }) progress: number | null;
}

@ObjectType('PortfolioRollup', { description: 'An area secretariat’s plans, or every plan for LBF; see docs/rollups.md' })
export class PortfolioRollupModel {
  @Field(() => Int) planCount: number;
  @Field(() => Int) activityCount: number;
  @Field(() => MoneyScalar) lbfGrant: Kroner;
  @Field(() => MoneyScalar) localCofinancing: Kroner;
  @Field(() => MoneyScalar) budget: Kroner;
  @Field(() => MoneyScalar) spent: Kroner;
  @Field(() => Float, { nullable: true }) progress: number | null;
  @Field(() => [FocusAreaRollupModel]) byFocusArea: FocusAreaRollupModel[];
  @Field(() => [MunicipalityRollupModel]) byMunicipality: MunicipalityRollupModel[];
  @Field(() => UnassignedFocusAreaRollupModel) withoutFocusArea: UnassignedFocusAreaRollupModel;
  /** Which plans these figures cover, and on which day: plansNeedingAttention is computed on demand. */
  filter: PortfolioFilter;
  today: string;
}

export function toPortfolioModel({ figures, filter, today }: ScopedPortfolio): PortfolioRollupModel {
  return { ...figures, filter, today };
}
