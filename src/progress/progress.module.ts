import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { UsersModule } from '../users/users.module.js';
import { ActivityProgressResolver } from './activity-progress.resolver.js';
import { ProgressLoaders } from './progress.loaders.js';
import { ProgressResolver } from './progress.resolver.js';
import { ProgressService } from './progress.service.js';

@Module({
  imports: [AuthModule, AuditModule, ActivitiesModule, UsersModule],
  providers: [ProgressService, ProgressLoaders, ProgressResolver, ActivityProgressResolver],
  exports: [ProgressLoaders],
})
export class ProgressModule {}
