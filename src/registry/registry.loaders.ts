import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { byKey, groupBy, RequestLoaders } from '../graphql/request-loaders.js';
import { AreaSecretariatEntity } from './area-secretariat.entity.js';
import { FocusAreaEntity } from './focus-area.entity.js';
import { HousingOrganisationEntity } from './housing-organisation.entity.js';
import { MunicipalityEntity } from './municipality.entity.js';
import { PoolEntity } from './pool.entity.js';

/** Registry rows by id, batched per request. Registry data is readable by every signed-in user. */
@Injectable()
export class RegistryLoaders {
  constructor(private readonly dataSource: DataSource) {}

  pool(loaders: RequestLoaders) {
    return loaders.get('pool', () => this.byId(PoolEntity));
  }
  focusArea(loaders: RequestLoaders) {
    return loaders.get('focusArea', () => this.byId(FocusAreaEntity));
  }
  municipality(loaders: RequestLoaders) {
    return loaders.get('municipality', () => this.byId(MunicipalityEntity));
  }
  housingOrganisation(loaders: RequestLoaders) {
    return loaders.get('housingOrganisation', () => this.byId(HousingOrganisationEntity));
  }
  areaSecretariat(loaders: RequestLoaders) {
    return loaders.get('areaSecretariat', () => this.byId(AreaSecretariatEntity));
  }

  focusAreasByPool(loaders: RequestLoaders) {
    return loaders.get(
      'focusAreasByPool',
      () =>
        new DataLoader<string, FocusAreaEntity[]>(async (poolIds) => {
          const rows = await this.dataSource.manager.find(FocusAreaEntity, {
            where: { poolId: In([...poolIds]) },
            order: { position: 'ASC' },
          });
          return groupBy(poolIds, rows, (r) => r.poolId);
        }),
    );
  }

  private byId<T extends { id: string }>(entity: new () => T) {
    return new DataLoader<string, T | undefined>(async (ids) => {
      const rows = (await this.dataSource.manager.findBy(entity, { id: In([...ids]) } as never)) as T[];
      return byKey(ids, rows, (r) => r.id);
    });
  }
}
