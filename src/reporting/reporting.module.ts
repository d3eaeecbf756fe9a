import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { GoalsModule } from '../goals/goals.module.js';
import { IndicatorsModule } from '../indicators/indicators.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { UsersModule } from '../users/users.module.js';
import { AnnualActivityRowResolver, AnnualIndicatorRowResolver } from './annual-report-rows.resolver.js';
import { AnnualReportRepository } from './annual-report.repository.js';
import { MilestonesRepository } from './milestones.repository.js';
import { MilestonesResolver } from './milestones.resolver.js';
import { MilestonesService } from './milestones.service.js';
import { PlanReportingResolver } from './plan-reporting.resolver.js';
import { PortfolioLateReportsResolver } from './portfolio-late-reports.resolver.js';
import { ReportEventResolver, ReportingPeriodResolver } from './reporting-period.resolver.js';
import { ReportingPeriodsRepository } from './reporting-periods.repository.js';
import { ReportingLoaders } from './reporting.loaders.js';
import { ReportingResolver } from './reporting.resolver.js';
import { ReportingService } from './reporting.service.js';

/** Annual reporting: periods, the submit-review cycle, annual reports, milestones, late reports. */
@Module({
  imports: [AuthModule, AuditModule, UsersModule, RegistryModule, PlansModule, GoalsModule, IndicatorsModule, ActivitiesModule],
  providers: [
    ReportingPeriodsRepository,
    AnnualReportRepository,
    MilestonesRepository,
    ReportingLoaders,
    ReportingService,
    MilestonesService,
    ReportingResolver,
    ReportingPeriodResolver,
    ReportEventResolver,
    AnnualIndicatorRowResolver,
    AnnualActivityRowResolver,
    MilestonesResolver,
    PlanReportingResolver,
    PortfolioLateReportsResolver,
  ],
  exports: [ReportingService, ReportingPeriodsRepository],
})
export class ReportingModule {}
