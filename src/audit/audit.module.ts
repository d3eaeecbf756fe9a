import { Module } from '@nestjs/common';
import { AuditService } from './audit.service.js';

/** The writer: imported by every module whose mutations change data. */
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
