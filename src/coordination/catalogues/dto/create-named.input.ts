import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class CreateNamedInput {
  @Field({ description: 'Unique in its catalogue, compared case-insensitively' }) name: string;
}
