import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CataloguesModule } from '../coordination/catalogues/catalogues.module.js';
import { GoalsModule } from '../goals/goals.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { ActivitiesLoaders } from './activities.loaders.js';
import { ActivitiesResolver } from './activities.resolver.js';
import { ActivitiesService } from './activities.service.js';
import { ActivityGoalLinkResolver } from './activity-goal-link.resolver.js';
import { GoalLinksResolver } from './goal-links.resolver.js';
import { PlanActivitiesResolver } from './plan-activities.resolver.js';

@Module({
  imports: [AuthModule, AuditModule, RegistryModule, PlansModule, GoalsModule, CataloguesModule],
  providers: [ActivitiesService, ActivitiesLoaders, ActivitiesResolver, ActivityGoalLinkResolver, PlanActivitiesResolver, GoalLinksResolver],
  exports: [ActivitiesService, ActivitiesLoaders],
})
export class ActivitiesModule {}
