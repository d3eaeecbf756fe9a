import { Args, Context, ID, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { ActivitiesLoaders } from '../activities/activities.loaders.js';
import { ActivityModel, toActivityModel } from '../activities/activity.model.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ChecksSessionItself, CurrentUser } from '../auth/current-user.decorator.js';
import { toUserModel, UserModel } from '../users/user.model.js';
import { UsersLoaders } from '../users/users.loaders.js';
import { LogProgressInput } from './dto/log-progress.input.js';
import { ProgressEntryModel, toProgressEntryModel } from './progress-entry.model.js';
import { ProgressService } from './progress.service.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => ProgressEntryModel)
export class ProgressResolver {
  constructor(
    private readonly progress: ProgressService,
    private readonly activityLoaders: ActivitiesLoaders,
    private readonly userLoaders: UsersLoaders,
  ) {}

  @Mutation(() => ProgressEntryModel, { description: 'ADMIN, the plan’s project secretariat; appended, never edited' })
  @ChecksSessionItself()
  async logProgress(
    @CurrentUser() auth: AuthUser,
    @Args('input') input: LogProgressInput,
    @Context() { req }: GraphQLContext,
  ): Promise<ProgressEntryModel> {
    return toProgressEntryModel(await this.progress.logProgress(auth, input, req));
  }

  @Mutation(() => ProgressEntryModel, {
    description: 'ADMIN, the plan’s project secretariat: withdraws an entry logged by mistake; it stays in the history and counts in no figure',
  })
  async retractProgressEntry(
    @CurrentUser() auth: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { description: '1-500 characters' }) reason: string,
  ): Promise<ProgressEntryModel> {
    return toProgressEntryModel(await this.progress.retractProgressEntry(auth, id, reason));
  }

  @ResolveField(() => ActivityModel)
  async activity(entry: ProgressEntryModel, _args: unknown, { loaders }: GraphQLContext): Promise<ActivityModel> {
    return toActivityModel((await this.activityLoaders.activity(loaders).load(entry.activityId))!);
  }

  @ResolveField(() => UserModel)
  async loggedBy(entry: ProgressEntryModel, _args: unknown, { loaders }: GraphQLContext): Promise<UserModel> {
    return toUserModel((await this.userLoaders.user(loaders).load(entry.loggedById))!);
  }
}
