import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { AreaSecretariatPlansResolver } from './area-secretariat-plans.resolver.js';
import { PlanPageReader } from './page/plan-page.reader.js';
import { PlansLoaders } from './plans.loaders.js';
import { PlansResolver } from './plans.resolver.js';
import { PlansService } from './plans.service.js';
import { UserPlanResolver } from './user-plan.resolver.js';

@Module({
  imports: [AuthModule, AuditModule, RegistryModule],
  providers: [PlansService, PlansLoaders, PlansResolver, AreaSecretariatPlansResolver, UserPlanResolver, PlanPageReader],
  exports: [PlansService, PlansLoaders, PlanPageReader],
})
export class PlansModule {}
