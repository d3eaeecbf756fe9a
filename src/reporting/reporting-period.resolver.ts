import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { PlanModel, toPlanModel } from '../plans/plan.model.js';
import { PlansLoaders } from '../plans/plans.loaders.js';
import { toUserModel, UserModel } from '../users/user.model.js';
import { UsersLoaders } from '../users/users.loaders.js';
import { ReportEventModel, toReportEventModel } from './report-event.model.js';
import { ReportingPeriodModel } from './reporting-period.model.js';
import { ReportingLoaders } from './reporting.loaders.js';

@Resolver(() => ReportingPeriodModel)
export class ReportingPeriodResolver {
  constructor(
    private readonly reporting: ReportingLoaders,
    private readonly planLoaders: PlansLoaders,
    private readonly userLoaders: UsersLoaders,
  ) {}

  @ResolveField(() => PlanModel)
  async plan(period: ReportingPeriodModel, _args: unknown, { loaders }: GraphQLContext): Promise<PlanModel> {
    return toPlanModel((await this.planLoaders.plan(loaders).load(period.planId))!);
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Of the latest submission' })
  async submittedBy(period: ReportingPeriodModel, _args: unknown, { loaders }: GraphQLContext): Promise<UserModel | null> {
    if (!period.submittedById) return null;
    const read = period.usersById?.get(period.submittedById);
    if (read) return read;
    return toUserModel((await this.userLoaders.user(loaders).load(period.submittedById))!);
  }

  @ResolveField(() => [ReportEventModel], { description: 'Oldest first' })
  async events(period: ReportingPeriodModel, _args: unknown, { loaders }: GraphQLContext): Promise<ReportEventModel[]> {
    if (period.eventRows) return period.eventRows.map((row) => toReportEventModel(row, period.usersById));
    return (await this.reporting.eventsOfPeriod(loaders, period)).map((row) => toReportEventModel(row));
  }
}

@Resolver(() => ReportEventModel)
export class ReportEventResolver {
  constructor(private readonly userLoaders: UsersLoaders) {}

  @ResolveField(() => UserModel)
  async by(event: ReportEventModel, _args: unknown, { loaders }: GraphQLContext): Promise<UserModel> {
    if (event.byUser) return event.byUser;
    return toUserModel((await this.userLoaders.user(loaders).load(event.byId))!);
  }
}
