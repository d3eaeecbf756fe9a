import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { UsersModule } from '../users/users.module.js';
import { RetractionResolver } from './retraction.resolver.js';
import { RetractionsService } from './retractions.service.js';

/** Retractions of history, shared by progress entries and measurements. */
@Module({
  imports: [AuditModule, UsersModule],
  providers: [RetractionsService, RetractionResolver],
  exports: [RetractionsService],
})
export class RetractionsModule {}
