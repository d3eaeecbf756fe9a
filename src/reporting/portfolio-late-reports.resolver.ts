import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { PortfolioRollupModel } from '../rollups/portfolio-rollup.model.js';
import { ReportingPeriodModel, toReportingPeriodModel } from './reporting-period.model.js';
import { ReportingLoaders } from './reporting.loaders.js';

/**
 * PortfolioRollup.lateReports, resolved here rather than in rollups/ (whose repository is the roll-ups'
 * own): the roll-up carries its plan selection, the caller's scope included, and its day.
 */
@Resolver(() => PortfolioRollupModel)
export class PortfolioLateReportsResolver {
  constructor(private readonly reporting: ReportingLoaders) {}

  @ResolveField(() => [ReportingPeriodModel], { description: 'Late annual reports of these plans, by due date, then plan title' })
  async lateReports(rollup: PortfolioRollupModel, _args: unknown, { loaders }: GraphQLContext): Promise<ReportingPeriodModel[]> {
    return (await this.reporting.latePeriods(loaders, rollup.filter, rollup.today)).map(toReportingPeriodModel);
  }
}
