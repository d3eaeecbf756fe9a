import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { rowsById, groupBy, RequestLoaders } from '../graphql/request-loaders.js';
import { HousingOrganisationEntity } from '../registry/housing-organisation.entity.js';
import { PlanEntity } from './plan.entity.js';

@Injectable()
export class PlansLoaders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** By id, for a parent the caller was already allowed to read (a goal's plan, the caller's own plan). */
  plan(loaders: RequestLoaders) {
    return loaders.get(
      'plan',
      () =>
        rowsById(this.dataSource, PlanEntity),
    );
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
