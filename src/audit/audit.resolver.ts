import { Args, Int, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { PlanModel, toPlanModel } from '../plans/plan.model.js';
import { PlansLoaders } from '../plans/plans.loaders.js';
import { toUserModel, UserModel } from '../users/user.model.js';
import { UsersLoaders } from '../users/users.loaders.js';
import { AuditEventConnectionModel, AuditEventModel, toAuditEventModel } from './audit-event.model.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditFilter } from './dto/audit-filter.input.js';
import { DEFAULT_PAGE_SIZE } from '../graphql/cursor.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => AuditEventModel)
export class AuditResolver {
  constructor(
    private readonly audit: AuditQueryService,
    private readonly userLoaders: UsersLoaders,
    private readonly planLoaders: PlansLoaders,
  ) {}

  @Query(() => AuditEventConnectionModel, { description: 'Newest first. ADMIN and LBF; a project secretariat for its own plan' })
  async auditEvents(
    @CurrentUser() auth: AuthUser,
    @Args('filter', { type: () => AuditFilter, nullable: true }) filter: AuditFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AuditEventConnectionModel> {
    const page = await this.audit.auditEvents(auth, filter, first ?? DEFAULT_PAGE_SIZE, after);
    return {
      totalCount: page.totalCount,
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: toAuditEventModel(e.node) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.edges.at(-1)?.cursor ?? null },
    };
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Null for changes made at start-up' })
  async actor(event: AuditEventModel, _args: unknown, { loaders }: GraphQLContext): Promise<UserModel | null> {
    if (!event.actorId) return null;
    const user = await this.userLoaders.user(loaders).load(event.actorId);
    return user ? toUserModel(user) : null;
  }

  @ResolveField(() => PlanModel, { nullable: true })
  async plan(event: AuditEventModel, _args: unknown, { loaders }: GraphQLContext): Promise<PlanModel | null> {
    if (!event.planId) return null;
    const plan = await this.planLoaders.plan(loaders).load(event.planId);
    return plan ? toPlanModel(plan) : null;
  }
}
