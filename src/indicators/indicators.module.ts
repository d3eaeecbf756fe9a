import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { GoalsModule } from '../goals/goals.module.js';
import { RetractionsModule } from '../retractions/retractions.module.js';
import { UsersModule } from '../users/users.module.js';
import { GoalIndicatorsResolver } from './goal-indicators.resolver.js';
import { IndicatorsLoaders } from './indicators.loaders.js';
import { IndicatorsResolver } from './indicators.resolver.js';
import { IndicatorsService } from './indicators.service.js';
import { MeasurementResolver } from './measurement.resolver.js';

@Module({
  imports: [AuthModule, AuditModule, GoalsModule, UsersModule, RetractionsModule],
  providers: [IndicatorsService, IndicatorsLoaders, IndicatorsResolver, GoalIndicatorsResolver, MeasurementResolver],
  exports: [IndicatorsLoaders],
})
export class IndicatorsModule {}
