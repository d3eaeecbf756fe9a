import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ResponsibleParty } from '../../common/enums.js';
import type { Kroner } from '../../database/transformers.js';
import { MoneyScalar } from '../../graphql/scalars/money.scalar.js';

@ObjectType('ResponsiblePartyRollup', { description: 'Who does what: the non-cancelled activities of one responsible party' })
export class ResponsiblePartyRollupModel {
  @Field(() => ResponsibleParty) responsibleParty: ResponsibleParty;
  @Field(() => Int) activityCount: number;
  @Field(() => MoneyScalar) budget: Kroner;
  @Field(() => MoneyScalar, { description: 'Of the latest progress entries' }) spent: Kroner;
  @Field(() => Float, { nullable: true, description: 'Mean progress of these activities, no entries counting 0' }) progress: number | null;
  @Field(() => Int, { description: 'Of these activities, how many are stale (the roll-up’s rule)' }) staleCount: number;
}
