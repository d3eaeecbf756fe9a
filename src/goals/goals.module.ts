import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { GoalsLoaders } from './goals.loaders.js';
import { GoalsResolver } from './goals.resolver.js';
import { GoalsService } from './goals.service.js';
import { PlanGoalsResolver } from './plan-goals.resolver.js';

@Module({
  imports: [AuthModule, AuditModule, RegistryModule, PlansModule],
  providers: [GoalsService, GoalsLoaders, GoalsResolver, PlanGoalsResolver],
  exports: [GoalsService, GoalsLoaders],
})
export class GoalsModule {}
