import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { FocusAreaResolver } from './focus-area.resolver.js';
import { PoolResolver } from './pool.resolver.js';
import { RegistryLoaders } from './registry.loaders.js';
import { RegistryResolver } from './registry.resolver.js';
import { RegistryService } from './registry.service.js';

@Module({
  imports: [AuthModule, AuditModule],
  providers: [RegistryService, RegistryLoaders, RegistryResolver, PoolResolver, FocusAreaResolver],
  exports: [RegistryService, RegistryLoaders],
})
export class RegistryModule {}
