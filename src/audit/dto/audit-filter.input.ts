import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';

@InputType()
export class AuditFilter {
  @Field(() => ID, { nullable: true }) planId?: string | null;
  @Field(() => String, { nullable: true, description: 'A GraphQL type name, e.g. Activity' }) entity?: string | null;
  @Field(() => ID, { nullable: true }) entityId?: string | null;
  @Field(() => ID, { nullable: true }) actorId?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) since?: Date | null;
}
