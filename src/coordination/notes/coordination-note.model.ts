import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import type { CoordinationNoteEntity } from './coordination-note.entity.js';

@ObjectType('CoordinationNote', { description: 'An area secretariat’s note on a plan it coordinates; append-only' })
export class CoordinationNoteModel {
  @Field(() => ID) id: string;
  @Field() text: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  planId: string;
  authorId: string;
}

export function toCoordinationNoteModel(e: CoordinationNoteEntity): CoordinationNoteModel {
  return { id: e.id, text: e.text, createdAt: e.createdAt, planId: e.planId, authorId: e.authorId };
}
