import { Field, Float, InputType, Int } from '@nestjs/graphql';

@InputType()
export class CreatePoolInput {
  @Field() name: string;
  @Field(() => Int) startYear: number;
  @Field(() => Int) endYear: number;
  @Field(() => [String]) focusAreas: string[];
  @Field(() => Float, { nullable: true, description: 'Default 0.25' }) minCofinancingShare?: number | null;
}
