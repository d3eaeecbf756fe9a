import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupBy, RequestLoaders, rowsById } from '../graphql/request-loaders.js';
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
    return loaders.get('pool', () => rowsById(this.dataSource, PoolEntity));
  }
  focusArea(loaders: RequestLoaders) {
    return loaders.get('focusArea', () => rowsById(this.dataSource, FocusAreaEntity));
  }
  municipality(loaders: RequestLoaders) {
    return loaders.get('municipality', () => rowsById(this.dataSource, MunicipalityEntity));
  }
  housingOrganisation(loaders: RequestLoaders) {
    return loaders.get('housingOrganisation', () => rowsById(this.dataSource, HousingOrganisationEntity));
  }
  areaSecretariat(loaders: RequestLoaders) {
    return loaders.get('areaSecretariat', () => rowsById(this.dataSource, AreaSecretariatEntity));
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
}
