import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ActivityType', { description: 'A national catalogue entry: the kind of work an activity is (aktivitetstype)' })
export class ActivityTypeModel {
  @Field(() => ID) id: string;
  @Field() name: string;
}

export function toActivityTypeModel(e: { id: string; name: string }): ActivityTypeModel {
  return { id: e.id, name: e.name };
}
