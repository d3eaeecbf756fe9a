import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class CreateHousingOrganisationInput {
  @Field() name: string;
}
