import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as RootLogger } from 'pino';
import { ActivitiesModule } from './activities/activities.module.js';
import { AuditQueryModule } from './audit/audit-query.module.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthModule } from './auth/auth.module.js';
import { TokenService } from './auth/token.service.js';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { CoordinationModule } from './coordination/coordination.module.js';
import { dataSourceOptions, type DatabaseTarget } from './database/data-source-options.js';
import { GoalsModule } from './goals/goals.module.js';
import { DomainErrorFilter } from './graphql/domain-error.filter.js';
import { graphqlOptions } from './graphql/graphql-options.js';
import { JitApolloDriver } from './graphql/jit/jit-apollo.driver.js';
import { HttpRefusalFilter } from './graphql/limits/http-refusal.filter.js';
import { HealthController } from './health/health.controller.js';
import { IndicatorsModule } from './indicators/indicators.module.js';
import { PlanPageReader } from './plans/page/plan-page.reader.js';
import { PlansModule } from './plans/plans.module.js';
import { ProgressModule } from './progress/progress.module.js';
import { RegistryModule } from './registry/registry.module.js';
import { ReportingModule } from './reporting/reporting.module.js';
import { RollupsModule } from './rollups/rollups.module.js';
import { SpreadsheetsModule } from './spreadsheets/spreadsheets.module.js';
import { UsersModule } from './users/users.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseTarget, log: RootLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        // Nest's logger writes through `log`; each request's line comes from server.ts's pino-http, whose
        // request-bound logger (req.log) nestjs-pino uses inside a request, but not inside /graphql: its
        // binding is an AsyncLocalStorage, whose promise hooks cost Node 20 about 0.4 ms of CPU on a plan
        // page (~700 resolved fields), a tenth of it (bench/analysis.md, rung 2). A GraphQL request's line
        // carries its error codes; an internal error's stack is logged just before it (format-error.ts).
        LoggerModule.forRoot({
          pinoHttp: { logger: log, autoLogging: false },
          useExisting: true,
          exclude: [{ path: 'graphql', method: RequestMethod.ALL }],
        }),
        TypeOrmModule.forRoot(dataSourceOptions(database)),
        GraphQLModule.forRootAsync({
          driver: JitApolloDriver,
          imports: [AuthModule, PlansModule],
          inject: [TokenService, PlanPageReader],
          useFactory: (tokens: TokenService, planPage: PlanPageReader) => graphqlOptions(config, tokens, planPage),
        }),
        AuthModule,
        UsersModule,
        RegistryModule,
        PlansModule,
        GoalsModule,
        IndicatorsModule,
        ActivitiesModule,
        ProgressModule,
        RollupsModule,
        ReportingModule,
        CoordinationModule,
        AuditQueryModule,
        SpreadsheetsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: APP_FILTER, useClass: HttpRefusalFilter },
      ],
    };
  }
}
