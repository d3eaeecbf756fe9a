import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { EntityRows } from '../database/entity-rows.js';
import { byKey, groupBy, RequestLoaders } from '../graphql/request-loaders.js';
import { HousingOrganisationEntity } from '../registry/housing-organisation.entity.js';
import { PlanEntity } from './plan.entity.js';

@Injectable()
export class PlansLoaders {
  private readonly byId: (ids: readonly string[]) => Promise<PlanEntity[]>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {
    this.byId = new EntityRows(dataSource, PlanEntity).byIds('plans_by_id', 'id', 't.id');
  }

  /** By id, for a parent the caller was already allowed to read (a goal's plan, the caller's own plan). */
  plan(loaders: RequestLoaders) {
    return loaders.get('plan', () => new DataLoader<string, PlanEntity | undefined>(async (ids) => byKey(ids, await this.byId(ids), (p) => p.id)));
  }

  housingOrganisationsByPlan(loaders: RequestLoaders) {
    return loaders.get(
      'housingOrganisationsByPlan',
      () =>
        new DataLoader<string, HousingOrganisationEntity[]>(async (planIds) => {
          const rows: (HousingOrganisationEntity & { planId: string })[] = await this.dataSource.manager
            .createQueryBuilder(HousingOrganisationEntity, 'h')
            .innerJoin('plan_housing_organisations', 'ph', 'ph.housing_organisation_id = h.id')
            .addSelect('ph.plan_id', 'plan_id')
            .where('ph.plan_id = ANY(:planIds)', { planIds })
            .orderBy('ph.position')
            .getRawAndEntities()
            .then(({ raw, entities }) => entities.map((e, i) => ({ ...e, planId: raw[i].plan_id as string })));
          return groupBy(planIds, rows, (r) => r.planId);
        }),
    );
  }

  /** The plans of an area secretariat that this caller may read: scope is part of the SQL. */
  plansByAreaSecretariat(loaders: RequestLoaders, auth: AuthUser) {
    return loaders.get(
      'plansByAreaSecretariat',
      () =>
        new DataLoader<string, PlanEntity[]>(async (ids) => {
          const scope = this.access.planScope(auth, 'p');
          const rows = await this.dataSource.manager
            .createQueryBuilder(PlanEntity, 'p')
            .where('p.area_secretariat_id = ANY(:ids)', { ids })
            .andWhere(scope.where, scope.params)
            .orderBy('p.title')
            .addOrderBy('p.id')
            .getMany();
          return groupBy(ids, rows, (p) => p.areaSecretariatId!);
        }),
    );
  }
}
