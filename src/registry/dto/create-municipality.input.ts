import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class CreateMunicipalityInput {
  @Field() name: string;
  @Field({ description: 'Three-digit kommunekode, e.g. "101"' }) code: string;
}
