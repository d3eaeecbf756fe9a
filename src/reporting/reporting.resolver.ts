import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AnnualReportModel } from './annual-report.model.js';
import { ReviewAnnualReportInput } from './dto/review-annual-report.input.js';
import { SubmitAnnualReportInput } from './dto/submit-annual-report.input.js';
import { ReportingPeriodModel } from './reporting-period.model.js';
import { ReportingService } from './reporting.service.js';

@Resolver(() => AnnualReportModel)
export class ReportingResolver {
  constructor(private readonly reporting: ReportingService) {}

  @Query(() => AnnualReportModel, { description: 'Everyone who reads the plan: exactly as submitted while SUBMITTED or APPROVED, else live' })
  annualReport(
    @CurrentUser() auth: AuthUser,
    @Args('planId', { type: () => ID }) planId: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<AnnualReportModel> {
    return this.reporting.annualReport(auth, planId, year);
  }

  @Mutation(() => ReportingPeriodModel, { description: 'ADMIN, the plan’s project secretariat: from OPEN or RETURNED, once the year has ended' })
  submitAnnualReport(@CurrentUser() auth: AuthUser, @Args('input') input: SubmitAnnualReportInput): Promise<ReportingPeriodModel> {
    return this.reporting.submit(auth, input);
  }

  @Mutation(() => ReportingPeriodModel, { description: 'ADMIN, LBF: from SUBMITTED' })
  approveAnnualReport(@CurrentUser() auth: AuthUser, @Args('input') input: ReviewAnnualReportInput): Promise<ReportingPeriodModel> {
    return this.reporting.approve(auth, input);
  }

  @Mutation(() => ReportingPeriodModel, { description: 'ADMIN, LBF: from SUBMITTED or APPROVED (reopens the year); comment required' })
  returnAnnualReport(@CurrentUser() auth: AuthUser, @Args('input') input: ReviewAnnualReportInput): Promise<ReportingPeriodModel> {
    return this.reporting.return(auth, input);
  }
}
