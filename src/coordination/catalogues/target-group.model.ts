import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('TargetGroup', { description: 'A national catalogue entry: whom an activity is for (målgruppe)' })
export class TargetGroupModel {
  @Field(() => ID) id: string;
  @Field() name: string;
}

export function toTargetGroupModel(e: { id: string; name: string }): TargetGroupModel {
  return { id: e.id, name: e.name };
}
