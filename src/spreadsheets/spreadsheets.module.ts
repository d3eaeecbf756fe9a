import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { GoalsModule } from '../goals/goals.module.js';
import { IndicatorsModule } from '../indicators/indicators.module.js';
import { ProgressModule } from '../progress/progress.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { RollupsModule } from '../rollups/rollups.module.js';
import { ExportsController } from './exports/exports.controller.js';
import { PlanExportService } from './exports/plan-export.service.js';
import { PortfolioExportService } from './exports/portfolio-export.service.js';
import { PortfolioPlansRepository } from './exports/portfolio-plans.repository.js';
import { HttpAuth } from './http/http-auth.js';
import { ImportsController } from './imports/imports.controller.js';
import { PlanImportService } from './imports/plan-import.service.js';

/**
 * Spreadsheets in and out: plain HTTP beside /graphql (GET /exports/…, GET and POST /imports/…).
 * It sits on top: it reads through the domain's loaders and rollups/, and nothing imports it.
 */
@Module({
  imports: [AuthModule, AuditModule, RegistryModule, GoalsModule, IndicatorsModule, ActivitiesModule, ProgressModule, RollupsModule],
  controllers: [ExportsController, ImportsController],
  providers: [HttpAuth, PlanExportService, PortfolioExportService, PortfolioPlansRepository, PlanImportService],
})
export class SpreadsheetsModule {}
