import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module.js';
import { AuthModule } from '../../auth/auth.module.js';
import { ActivityCatalogueResolver } from './activity-catalogue.resolver.js';
import { ActivityTaggingService } from './activity-tagging.service.js';
import { CataloguesLoaders } from './catalogues.loaders.js';
import { CataloguesResolver } from './catalogues.resolver.js';
import { CataloguesService } from './catalogues.service.js';

/** The national catalogues; ActivitiesModule imports it to check and write an activity's tagging. */
@Module({
  imports: [AuthModule, AuditModule],
  providers: [CataloguesService, CataloguesLoaders, CataloguesResolver, ActivityCatalogueResolver, ActivityTaggingService],
  exports: [ActivityTaggingService, CataloguesLoaders],
})
export class CataloguesModule {}
