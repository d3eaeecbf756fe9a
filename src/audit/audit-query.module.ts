import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditResolver } from './audit.resolver.js';

/** The reader: `auditEvents`, which shows actors and plans, so it sits above users and plans. */
@Module({ imports: [AuthModule, UsersModule, PlansModule], providers: [AuditQueryService, AuditResolver] })
export class AuditQueryModule {}
