import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { byKey, RequestLoaders } from '../graphql/request-loaders.js';
import { UserEntity } from './user.entity.js';

@Injectable()
export class UsersLoaders {
  constructor(private readonly dataSource: DataSource) {}

  /** Who recorded or logged something: shown to whoever may read that record. */
  user(loaders: RequestLoaders) {
    return loaders.get(
      'user',
      () =>
        new DataLoader<string, UserEntity | undefined>(async (ids) =>
          byKey(ids, await this.dataSource.manager.findBy(UserEntity, { id: In([...ids]) }), (u) => u.id),
        ),
    );
  }
}
