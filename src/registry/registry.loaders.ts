import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupBy, RequestLoaders, rowsById } from '../graphql/request-loaders.js';
import { AreaSecretariatEntity } from './area-secretariat.entity.js';
import { FocusAreaEntity } from './focus-area.entity.js';
import { HousingOrganisationEntity } from './housing-organisation.entity.js';
import { ImmutableRows } from './immutable-rows.js';
import { MunicipalityEntity } from './municipality.entity.js';
import { PoolEntity } from './pool.entity.js';

/**
 * Registry rows by id, batched per request. Registry data is readable by every signed-in user.
 * Pools, focus areas and municipalities are never changed once created, so each process keeps them
 * (see ImmutableRows); housing organisations and area secretariats are read per request.
 */
@Injectable()
export class RegistryLoaders {
  private readonly pools: ImmutableRows<PoolEntity>;
  private readonly focusAreas: ImmutableRows<FocusAreaEntity>;
  private readonly municipalities: ImmutableRows<MunicipalityEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.pools = new ImmutableRows(dataSource, PoolEntity);
    this.focusAreas = new ImmutableRows(dataSource, FocusAreaEntity);
    this.municipalities = new ImmutableRows(dataSource, MunicipalityEntity);
  }

  pool(loaders: RequestLoaders) {
    return loaders.get('pool', () => this.pools.loader());
  }
  focusArea(loaders: RequestLoaders) {
    return loaders.get('focusArea', () => this.focusAreas.loader());
  }
  municipality(loaders: RequestLoaders) {
    return loaders.get('municipality', () => this.municipalities.loader());
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
