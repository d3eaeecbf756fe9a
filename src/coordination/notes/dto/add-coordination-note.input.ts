import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class AddCoordinationNoteInput {
  @Field(() => ID) planId: string;
  @Field({ description: '1-5,000 characters once trimmed' }) text: string;
}
