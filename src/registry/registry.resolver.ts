import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AreaSecretariatModel, toAreaSecretariatModel } from './area-secretariat.model.js';
import { CreateAreaSecretariatInput } from './dto/create-area-secretariat.input.js';
import { CreateHousingOrganisationInput } from './dto/create-housing-organisation.input.js';
import { CreateMunicipalityInput } from './dto/create-municipality.input.js';
import { CreatePoolInput } from './dto/create-pool.input.js';
import { HousingOrganisationModel, toHousingOrganisationModel } from './housing-organisation.model.js';
import { MunicipalityModel, toMunicipalityModel } from './municipality.model.js';
import { PoolModel, toPoolModel } from './pool.model.js';
import { RegistryService } from './registry.service.js';

@Resolver()
export class RegistryResolver {
  constructor(private readonly registry: RegistryService) {}

  @Query(() => [PoolModel])
  async pools(): Promise<PoolModel[]> {
    return (await this.registry.pools()).map(toPoolModel);
  }

  @Query(() => [MunicipalityModel])
  async municipalities(): Promise<MunicipalityModel[]> {
    return (await this.registry.municipalities()).map(toMunicipalityModel);
  }

  @Query(() => [HousingOrganisationModel])
  async housingOrganisations(): Promise<HousingOrganisationModel[]> {
    return (await this.registry.housingOrganisations()).map(toHousingOrganisationModel);
  }

  @Query(() => [AreaSecretariatModel], { description: 'Those the caller may read' })
  async areaSecretariats(@CurrentUser() auth: AuthUser): Promise<AreaSecretariatModel[]> {
    return (await this.registry.areaSecretariats(auth)).map(toAreaSecretariatModel);
  }

  @Query(() => AreaSecretariatModel)
  async areaSecretariat(@CurrentUser() auth: AuthUser, @Args('id', { type: () => ID }) id: string) {
    return toAreaSecretariatModel(await this.registry.areaSecretariat(auth, id));
  }

  @Mutation(() => PoolModel)
  async createPool(@CurrentUser() auth: AuthUser, @Args('input') input: CreatePoolInput): Promise<PoolModel> {
    return toPoolModel(await this.registry.createPool(auth, input));
  }

  @Mutation(() => MunicipalityModel)
  async createMunicipality(@CurrentUser() auth: AuthUser, @Args('input') input: CreateMunicipalityInput) {
    return toMunicipalityModel(await this.registry.createMunicipality(auth, input));
  }

  @Mutation(() => HousingOrganisationModel)
  async createHousingOrganisation(@CurrentUser() auth: AuthUser, @Args('input') input: CreateHousingOrganisationInput) {
    return toHousingOrganisationModel(await this.registry.createHousingOrganisation(auth, input));
  }

  @Mutation(() => AreaSecretariatModel)
  async createAreaSecretariat(@CurrentUser() auth: AuthUser, @Args('input') input: CreateAreaSecretariatInput) {
    return toAreaSecretariatModel(await this.registry.createAreaSecretariat(auth, input));
  }
}
