import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { UsersModule } from '../users/users.module.js';
import { AreaCoordinationLoaders } from './area/area-coordination.loaders.js';
import { ActivityOverlapResolver, AreaSecretariatCoordinationResolver, SharedIndicatorResolver } from './area/area-coordination.resolver.js';
import { OverlapsRepository } from './area/overlaps.repository.js';
import { SharedIndicatorsRepository } from './area/shared-indicators.repository.js';
import { CataloguesModule } from './catalogues/catalogues.module.js';
import { CoordinationNotesLoaders } from './notes/coordination-notes.loaders.js';
import { CoordinationNotesResolver } from './notes/coordination-notes.resolver.js';
import { CoordinationNotesService } from './notes/coordination-notes.service.js';
import { PlanCoordinationNotesResolver } from './notes/plan-coordination-notes.resolver.js';
import { ResponsiblePartiesLoaders } from './responsible-parties/responsible-parties.loaders.js';
import { ResponsiblePartiesRepository } from './responsible-parties/responsible-parties.repository.js';
import {
  GoalResponsiblePartiesResolver,
  PlanRollupResponsiblePartiesResolver,
  PortfolioRollupResponsiblePartiesResolver,
} from './responsible-parties/responsible-party-rollup.resolver.js';

/**
 * Coordination across plans (docs/coordination.md): an area's overlaps and shared indicators, who
 * does what, and the area secretariat's notes. It reads the domain's tables like rollups/ and adds
 * fields to its roll-up types; the catalogues are a module of their own, which activities/ uses.
 */
@Module({
  imports: [AuthModule, AuditModule, PlansModule, UsersModule, ActivitiesModule, CataloguesModule],
  providers: [
    OverlapsRepository,
    SharedIndicatorsRepository,
    AreaCoordinationLoaders,
    AreaSecretariatCoordinationResolver,
    ActivityOverlapResolver,
    SharedIndicatorResolver,
    CoordinationNotesService,
    CoordinationNotesLoaders,
    CoordinationNotesResolver,
    PlanCoordinationNotesResolver,
    ResponsiblePartiesRepository,
    ResponsiblePartiesLoaders,
    PlanRollupResponsiblePartiesResolver,
    PortfolioRollupResponsiblePartiesResolver,
    GoalResponsiblePartiesResolver,
  ],
})
export class CoordinationModule {}
