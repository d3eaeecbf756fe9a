import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { RetractionsModule } from '../retractions/retractions.module.js';
import { UsersModule } from '../users/users.module.js';
import { ActivityProgressResolver } from './activity-progress.resolver.js';
import { ProgressLoaders } from './progress.loaders.js';
import { ProgressRepository } from './progress.repository.js';
import { ProgressResolver } from './progress.resolver.js';
import { ProgressService } from './progress.service.js';

@Module({
  imports: [AuthModule, ActivitiesModule, UsersModule, RetractionsModule],
  providers: [ProgressService, ProgressRepository, ProgressLoaders, ProgressResolver, ActivityProgressResolver],
  exports: [ProgressLoaders],
})
export class ProgressModule {}
