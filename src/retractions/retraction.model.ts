import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';

@ObjectType('Retraction', {
  description: 'A progress entry or measurement withdrawn as a mistake: it stays in the history and counts in no figure',
})
export class RetractionModel {
  @Field(() => GraphQLISODateTime) at: Date;
  @Field({ description: 'Why it was withdrawn (1-500 characters)' }) reason: string;
  byId: string;
}

/** The retraction columns that progress_entries and measurements share (all NULL, or none). */
export interface RetractionColumns {
  retractedAt: Date | null;
  retractedBy: string | null;
  retractionReason: string | null;
}

export function toRetractionModel(row: RetractionColumns): RetractionModel | null {
  // A row just inserted through TypeORM leaves these columns undefined (they are never inserted).
  if (!row.retractedAt) return null;
  return { at: row.retractedAt, byId: row.retractedBy!, reason: row.retractionReason! };
}
