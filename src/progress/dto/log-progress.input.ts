import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ActivityStatus } from '../../common/enums.js';
import { DateScalar } from '../../graphql/scalars/date.scalar.js';
import { MoneyScalar } from '../../graphql/scalars/money.scalar.js';

@InputType()
export class LogProgressInput {
  @Field(() => ID) activityId: string;
  @Field(() => DateScalar, { description: 'Not before the activity’s start, at most a week ahead' }) reportedOn: string;
  @Field(() => Int, { description: '0-100' }) percentComplete: number;
  @Field(() => ActivityStatus, { nullable: true, description: 'Becomes the activity’s status' }) status?: ActivityStatus | null;
  @Field(() => Int, { nullable: true }) participantsReached?: number | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Spend to date, whole kroner' }) spent?: number | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Repeating a key already used for this activity with the same figures returns the first entry and stores nothing; with other figures it is CONFLICT',
  })
  idempotencyKey?: string | null;
}
