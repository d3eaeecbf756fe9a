import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rowsById, RequestLoaders } from '../graphql/request-loaders.js';
import { UserEntity } from './user.entity.js';

@Injectable()
export class UsersLoaders {
  constructor(private readonly dataSource: DataSource) {}

  /** Who recorded or logged something: shown to whoever may read that record. */
  user(loaders: RequestLoaders) {
    return loaders.get(
      'user',
      () =>
        rowsById(this.dataSource, UserEntity),
    );
  }
}
