import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { UsersLoaders } from './users.loaders.js';
import { UsersResolver } from './users.resolver.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [AuthModule, AuditModule],
  providers: [UsersService, UsersResolver, UsersLoaders],
  exports: [UsersService, UsersLoaders],
})
export class UsersModule {}
