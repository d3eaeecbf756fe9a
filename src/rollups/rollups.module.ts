import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { GoalsModule } from '../goals/goals.module.js';
import { IndicatorsModule } from '../indicators/indicators.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { ActivityRollupResolver } from './activity-rollup.resolver.js';
import { AreaSecretariatRollupResolver } from './area-secretariat-rollup.resolver.js';
import { GoalRollupResolver } from './goal-rollup.resolver.js';
import { IndicatorRollupResolver } from './indicator-rollup.resolver.js';
import { PlanRollupFiguresResolver } from './plan-rollup-figures.resolver.js';
import { PlanRollupListsResolver } from './plan-rollup-lists.resolver.js';
import { PlanRollupResolver } from './plan-rollup.resolver.js';
import { FocusAreaRollupResolver, MunicipalityRollupResolver } from './portfolio-breakdown.resolver.js';
import { PortfolioRollupResolver } from './portfolio-rollup.resolver.js';
import { RollupsLoaders } from './rollups.loaders.js';
import { PlanFiguresRepository } from './plan-figures.repository.js';
import { PortfolioRepository } from './portfolio.repository.js';
import { RollupsExportReads } from './rollups-export-reads.js';
import { RollupsService } from './rollups.service.js';
import { HeavyReadGate } from './heavy-read-gate.js';

/** Reads the domain's tables; only the spreadsheet exports import it (for the same figures GraphQL gives). */
@Module({
  imports: [AuthModule, RegistryModule, PlansModule, GoalsModule, IndicatorsModule, ActivitiesModule],
  providers: [
    HeavyReadGate,
    PlanFiguresRepository,
    PortfolioRepository,
    RollupsExportReads,
    RollupsLoaders,
    RollupsService,
    ActivityRollupResolver,
    IndicatorRollupResolver,
    GoalRollupResolver,
    PlanRollupResolver,
    PlanRollupFiguresResolver,
    PlanRollupListsResolver,
    PortfolioRollupResolver,
    AreaSecretariatRollupResolver,
    FocusAreaRollupResolver,
    MunicipalityRollupResolver,
  ],
  exports: [RollupsExportReads, RollupsLoaders, RollupsService],
})
export class RollupsModule {}
