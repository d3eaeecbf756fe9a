import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import { PlanModel, toPlanModel } from '../../plans/plan.model.js';
import { PlansLoaders } from '../../plans/plans.loaders.js';
import { UserModel, toUserModel } from '../../users/user.model.js';
import { UsersLoaders } from '../../users/users.loaders.js';
import { CoordinationNoteModel, toCoordinationNoteModel } from './coordination-note.model.js';
import { CoordinationNotesService } from './coordination-notes.service.js';
import { AddCoordinationNoteInput } from './dto/add-coordination-note.input.js';

@Resolver(() => CoordinationNoteModel)
export class CoordinationNotesResolver {
  constructor(
    private readonly notes: CoordinationNotesService,
    private readonly planLoaders: PlansLoaders,
    private readonly userLoaders: UsersLoaders,
  ) {}

  @Mutation(() => CoordinationNoteModel, { description: 'ADMIN, the plan’s area secretariat; append-only' })
  async addCoordinationNote(@CurrentUser() auth: AuthUser, @Args('input') input: AddCoordinationNoteInput): Promise<CoordinationNoteModel> {
    return toCoordinationNoteModel(await this.notes.addCoordinationNote(auth, input));
  }

  @ResolveField(() => PlanModel)
  async plan(note: CoordinationNoteModel, _args: unknown, { loaders }: GraphQLContext): Promise<PlanModel> {
    return toPlanModel((await this.planLoaders.plan(loaders).load(note.planId))!);
  }

  @ResolveField(() => UserModel)
  async author(note: CoordinationNoteModel, _args: unknown, { loaders }: GraphQLContext): Promise<UserModel> {
    return toUserModel((await this.userLoaders.user(loaders).load(note.authorId))!);
  }
}
