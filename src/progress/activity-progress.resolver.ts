import { ResolveField, Resolver } from '@nestjs/graphql';
import { ActivityModel } from '../activities/activity.model.js';
import { ProgressEntryModel, toProgressEntryModel } from './progress-entry.model.js';
import { ProgressLoaders } from './progress.loaders.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => ActivityModel)
export class ActivityProgressResolver {
  constructor(private readonly progressLoaders: ProgressLoaders) {}

  @ResolveField(() => [ProgressEntryModel], { description: 'Oldest first' })
  async progressEntries(activity: ActivityModel, _args: unknown, { loaders }: GraphQLContext): Promise<ProgressEntryModel[]> {
    return (await this.progressLoaders.entriesByActivity(loaders).load(activity.id)).map(toProgressEntryModel);
  }

  @ResolveField(() => ProgressEntryModel, { nullable: true, description: 'By reportedOn, then by when it was logged' })
  async latestProgress(activity: ActivityModel, _args: unknown, { loaders }: GraphQLContext): Promise<ProgressEntryModel | null> {
    if (!activity.latestProgressId) return null;
    const entry = await this.progressLoaders.entry(loaders).load(activity.latestProgressId);
    return entry ? toProgressEntryModel(entry) : null;
  }
}
