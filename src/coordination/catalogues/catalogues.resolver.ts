import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import { ActivityTypeModel, toActivityTypeModel } from './activity-type.model.js';
import { CataloguesService } from './catalogues.service.js';
import { CreateNamedInput } from './dto/create-named.input.js';
import { TargetGroupModel, toTargetGroupModel } from './target-group.model.js';

@Resolver()
export class CataloguesResolver {
  constructor(private readonly catalogues: CataloguesService) {}

  @Query(() => [ActivityTypeModel], { description: 'The national catalogue of activity types, by name' })
  async activityTypes(): Promise<ActivityTypeModel[]> {
    return (await this.catalogues.activityTypes()).map(toActivityTypeModel);
  }

  @Query(() => [TargetGroupModel], { description: 'The national catalogue of target groups, by name' })
  async targetGroups(): Promise<TargetGroupModel[]> {
    return (await this.catalogues.targetGroups()).map(toTargetGroupModel);
  }

  @Mutation(() => ActivityTypeModel, { description: 'ADMIN, LBF; CONFLICT for a name already there, ignoring case' })
  async createActivityType(@CurrentUser() auth: AuthUser, @Args('input') input: CreateNamedInput): Promise<ActivityTypeModel> {
    return toActivityTypeModel(await this.catalogues.createActivityType(auth, input));
  }

  @Mutation(() => TargetGroupModel, { description: 'ADMIN, LBF; CONFLICT for a name already there, ignoring case' })
  async createTargetGroup(@CurrentUser() auth: AuthUser, @Args('input') input: CreateNamedInput): Promise<TargetGroupModel> {
    return toTargetGroupModel(await this.catalogues.createTargetGroup(auth, input));
  }
}
