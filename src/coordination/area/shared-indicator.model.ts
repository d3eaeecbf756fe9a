import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('SharedIndicator', {
  description: 'Indicators of different plans of an area that measure the same thing: equal names (trimmed, ignoring case and runs of white space) and units (trimmed)',
})
export class SharedIndicatorModel {
  @Field({ description: 'As the first of its indicators writes it' }) name: string;
  @Field({ description: 'As the first of its indicators writes it' }) unit: string;
  /** By plan title, then name: resolved by SharedIndicatorResolver. */
  indicatorIds: string[];
}
