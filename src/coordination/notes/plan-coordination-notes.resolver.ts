import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import { PlanModel } from '../../plans/plan.model.js';
import { CoordinationNoteModel, toCoordinationNoteModel } from './coordination-note.model.js';
import { CoordinationNotesLoaders } from './coordination-notes.loaders.js';

@Resolver(() => PlanModel)
export class PlanCoordinationNotesResolver {
  constructor(private readonly notes: CoordinationNotesLoaders) {}

  @ResolveField(() => [CoordinationNoteModel], { description: 'The area secretariat’s notes on this plan, newest first' })
  async coordinationNotes(plan: PlanModel, _args: unknown, { loaders }: GraphQLContext): Promise<CoordinationNoteModel[]> {
    return (await this.notes.notesByPlan(loaders).load(plan.id)).map(toCoordinationNoteModel);
  }
}
