import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ActivitiesLoaders } from '../activities/activities.loaders.js';
import { ActivityModel, toActivityModel } from '../activities/activity.model.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Loaders } from '../auth/current-user.decorator.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { toUserModel, UserModel } from '../users/user.model.js';
import { UsersLoaders } from '../users/users.loaders.js';
import { LogProgressInput } from './dto/log-progress.input.js';
import { ProgressEntryModel, toProgressEntryModel } from './progress-entry.model.js';
import { ProgressService } from './progress.service.js';

@Resolver(() => ProgressEntryModel)
export class ProgressResolver {
  constructor(
    private readonly progress: ProgressService,
    private readonly activityLoaders: ActivitiesLoaders,
    private readonly userLoaders: UsersLoaders,
  ) {}

  @Mutation(() => ProgressEntryModel, { description: 'ADMIN, the plan’s project secretariat; appended, never edited' })
  async logProgress(@CurrentUser() auth: AuthUser, @Args('input') input: LogProgressInput): Promise<ProgressEntryModel> {
    return toProgressEntryModel(await this.progress.logProgress(auth, input));
  }

  @ResolveField(() => ActivityModel)
  async activity(@Parent() entry: ProgressEntryModel, @Loaders() loaders: RequestLoaders): Promise<ActivityModel> {
    return toActivityModel((await this.activityLoaders.activity(loaders).load(entry.activityId))!);
  }

  @ResolveField(() => UserModel)
  async loggedBy(@Parent() entry: ProgressEntryModel, @Loaders() loaders: RequestLoaders): Promise<UserModel> {
    return toUserModel((await this.userLoaders.user(loaders).load(entry.loggedById))!);
  }
}
