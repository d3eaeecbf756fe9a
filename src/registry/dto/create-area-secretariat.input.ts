import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class CreateAreaSecretariatInput {
  @Field() name: string;
}
