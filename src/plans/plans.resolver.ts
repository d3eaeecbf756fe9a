import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AreaSecretariatModel, toAreaSecretariatModel } from '../registry/area-secretariat.model.js';
import { HousingOrganisationModel, toHousingOrganisationModel } from '../registry/housing-organisation.model.js';
import { MunicipalityModel, toMunicipalityModel } from '../registry/municipality.model.js';
import { PoolModel, toPoolModel } from '../registry/pool.model.js';
import { RegistryLoaders } from '../registry/registry.loaders.js';
import { CreatePlanInput } from './dto/create-plan.input.js';
import { PlanFilter } from './dto/plan-filter.input.js';
import { UpdatePlanInput } from './dto/update-plan.input.js';
import { PlanConnectionModel } from './plan-connection.model.js';
import { PlanModel, toPlanModel } from './plan.model.js';
import { PlansLoaders } from './plans.loaders.js';
import { PlansService } from './plans.service.js';
import { DEFAULT_PAGE_SIZE } from '../graphql/cursor.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => PlanModel)
export class PlansResolver {
  constructor(
    private readonly plansService: PlansService,
    private readonly planLoaders: PlansLoaders,
    private readonly registry: RegistryLoaders,
  ) {}

  @Query(() => PlanModel)
  async plan(@CurrentUser() auth: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<PlanModel> {
    return toPlanModel(await this.plansService.plan(auth, id));
  }

  @Query(() => PlanConnectionModel)
  async plans(
    @CurrentUser() auth: AuthUser,
    @Args('filter', { type: () => PlanFilter, nullable: true }) filter: PlanFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<PlanConnectionModel> {
    const page = await this.plansService.plans(auth, filter, first ?? DEFAULT_PAGE_SIZE, after);
    return {
      totalCount: page.totalCount,
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: toPlanModel(e.node) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.edges.at(-1)?.cursor ?? null },
    };
  }

  @Mutation(() => PlanModel, { description: 'ADMIN, LBF' })
  async createPlan(@CurrentUser() auth: AuthUser, @Args('input') input: CreatePlanInput): Promise<PlanModel> {
    return toPlanModel(await this.plansService.createPlan(auth, input));
  }

  @Mutation(() => PlanModel, { description: 'ADMIN, LBF; its project secretariat the title only (any other field is FORBIDDEN)' })
  async updatePlan(@CurrentUser() auth: AuthUser, @Args('input') input: UpdatePlanInput): Promise<PlanModel> {
    return toPlanModel(await this.plansService.updatePlan(auth, input));
  }

  @ResolveField(() => PoolModel)
  async pool(plan: PlanModel, _args: unknown, { loaders }: GraphQLContext): Promise<PoolModel> {
    return toPoolModel((await this.registry.pool(loaders).load(plan.poolId))!);
  }

  @ResolveField(() => MunicipalityModel)
  async municipality(plan: PlanModel, _args: unknown, { loaders }: GraphQLContext): Promise<MunicipalityModel> {
    return toMunicipalityModel((await this.registry.municipality(loaders).load(plan.municipalityId))!);
  }

  @ResolveField(() => [HousingOrganisationModel])
  async housingOrganisations(plan: PlanModel, _args: unknown, { loaders }: GraphQLContext) {
    return (await this.planLoaders.housingOrganisationsByPlan(loaders).load(plan.id)).map(toHousingOrganisationModel);
  }

  @ResolveField(() => AreaSecretariatModel, { nullable: true })
  async areaSecretariat(plan: PlanModel, _args: unknown, { loaders }: GraphQLContext) {
    if (!plan.areaSecretariatId) return null;
    const found = await this.registry.areaSecretariat(loaders).load(plan.areaSecretariatId);
    return found ? toAreaSecretariatModel(found) : null;
  }
}
