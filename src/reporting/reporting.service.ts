import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessService } from '../auth/access.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { addDays, todayUtc } from '../common/clock.js';
import { Role } from '../common/enums.js';
import { BadInputError, ConflictError, ForbiddenError } from '../common/errors.js';
import { isUuid, optionalText, requireText } from '../common/validate.js';
import type { PlanEntity } from '../plans/plan.entity.js';
import { AnnualReportRepository } from './annual-report.repository.js';
import { type AnnualReportModel, toAnnualReportModel } from './annual-report.model.js';
import type { IndicatorCommentInput, SubmitAnnualReportInput } from './dto/submit-annual-report.input.js';
import type { ReviewAnnualReportInput } from './dto/review-annual-report.input.js';
import { allowedFrom, mayTransition, ReportAction, statusAfter } from './report-cycle.js';
import { type ReportingPeriodModel, toReportingPeriodModel } from './reporting-period.model.js';
import type { ReportingPeriodRow } from './reporting-period.row.js';
import { hasEnded, type PeriodDates, reportingPeriod, reportingYears } from './reporting-periods.js';
import { ReportingPeriodsRepository } from './reporting-periods.repository.js';

const REVIEWERS = [Role.ADMIN, Role.LBF];
const MAX_COMMENT = 10_000;
const MAX_INDICATOR_COMMENT = 5_000;

/**
 * The annual report and its cycle (report-cycle.ts). Every transition runs in one transaction that
 * first locks the plan row (ReportingPeriodsRepository.lockPeriod), so transitions of one plan queue
 * up, and a submission's snapshot and the writes it locks out (reporting-lock.ts) never interleave.
 */
@Injectable()
export class ReportingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly periods: ReportingPeriodsRepository,
    private readonly reports: AnnualReportRepository,
  ) {}

  /** Everyone who reads the plan reads its reports: the stored snapshot while SUBMITTED or APPROVED, else live. */
  async annualReport(auth: AuthUser, planId: string, year: number): Promise<AnnualReportModel> {
    const plan = await this.access.readablePlan(auth, planId, 'planId');
    requirePeriod(plan, year);
    const report = await this.reports.report(plan.id, year, todayUtc());
    // Only when the plan's dates changed since it was read.
    if (!report) throw notAYear(plan, year);
    const period = { ...toReportingPeriodModel(report.period), eventRows: report.events, usersById: report.users };
    return toAnnualReportModel(period, report.figures, report.submission);
  }

  /** ADMIN or the plan's project secretariat, from OPEN or RETURNED, once the period has ended. */
  async submit(auth: AuthUser, input: SubmitAnnualReportInput): Promise<ReportingPeriodModel> {
    const plan = await this.access.readablePlan(auth, input.planId, 'planId');
    if (!this.access.canEditPlanContent(auth, plan.id)) {
      throw new ForbiddenError(`Role ${auth.role} may read this plan but not submit its annual reports (allowed: ADMIN, the plan's project secretariat)`);
    }
    const today = todayUtc();
    requireEnded(requirePeriod(plan, input.year), today);
    const comment = optionalText('comment', input.comment, MAX_COMMENT) ?? null;
    const indicatorComments = await this.indicatorComments(plan.id, input.indicatorComments);
    return this.transition(auth, plan, input.year, ReportAction.SUBMITTED, today, async (m, period) => {
      requireEnded(period, today);
      const submission = await this.reports.insertSubmission(m, {
        planId: plan.id,
        year: input.year,
        today,
        submittedBy: auth.id,
        comment,
        indicatorComments,
      });
      return { comment, submission, audit: { comment, indicatorComments } };
    });
  }

  /** ADMIN or LBF, from SUBMITTED. */
  async approve(auth: AuthUser, input: ReviewAnnualReportInput): Promise<ReportingPeriodModel> {
    const plan = await this.reviewablePlan(auth, input, 'approve');
    const comment = optionalText('comment', input.comment, MAX_COMMENT) ?? null;
    return this.transition(auth, plan, input.year, ReportAction.APPROVED, todayUtc(), async () => ({ comment }));
  }

  /** ADMIN or LBF, from SUBMITTED or APPROVED (which reopens an approved year), with a comment. */
  async return(auth: AuthUser, input: ReviewAnnualReportInput): Promise<ReportingPeriodModel> {
    const plan = await this.reviewablePlan(auth, input, 'return');
    if (input.comment === null || input.comment === undefined) {
      throw new BadInputError('comment', 'is required: say what the plan must change before it submits again');
    }
    const comment = requireText('comment', input.comment, MAX_COMMENT);
    return this.transition(auth, plan, input.year, ReportAction.RETURNED, todayUtc(), async () => ({ comment }));
  }

  private async reviewablePlan(auth: AuthUser, input: ReviewAnnualReportInput, verb: string): Promise<PlanEntity> {
    const plan = await this.access.readablePlan(auth, input.planId, 'planId');
    this.access.requireRole(auth, REVIEWERS, `${verb} annual reports`);
    requirePeriod(plan, input.year);
    return plan;
  }

  /**
   * One transition, all or nothing: lock the plan row and read the period as it now is, refuse a
   * transition the cycle does not allow (CONFLICT), let `act` do what only this action does, then
   * the status row, the event and the audit row. Returns the period as it is after.
   */
  private transition(
    auth: AuthUser,
    plan: PlanEntity,
    year: number,
    action: ReportAction,
    today: string,
    act: (m: EntityManager, period: PeriodDates) => Promise<{ comment: string | null; submission?: { id: string; submittedAt: Date }; audit?: object }>,
  ): Promise<ReportingPeriodModel> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.periods.lockPeriod(m, plan.id, year, today);
      // Only when the plan's dates changed since it was read.
      if (!before) throw notAYear(plan, year);
      requireTransition(before, action);
      const { comment, submission, audit } = await act(m, toPeriodDates(before));
      const submissionId = submission?.id;
      const status = statusAfter(action);
      await this.periods.setStatus(m, plan.id, year, status, auth.id, submissionId);
      // A submission's event carries the submission's own time.
      await this.periods.insertEvent(m, { planId: plan.id, year, action, by: auth.id, comment, submissionId: submissionId ?? null, at: submission?.submittedAt });
      await this.audit.record(m, auth, {
        operation: OPERATIONS[action],
        entity: 'ReportingPeriod',
        entityId: `${plan.id}:${year}`,
        planId: plan.id,
        before: { year, status: before.status },
        after: { year, status, ...(submissionId ? { submissionId } : {}), ...(audit ?? { comment }) },
      });
      return toReportingPeriodModel((await this.periods.period(m, plan.id, year, today))!);
    });
  }

  /** Indicator id → comment; every id an indicator of the plan, at most one comment each. */
  private async indicatorComments(planId: string, input: IndicatorCommentInput[] | null | undefined): Promise<Record<string, string>> {
    const comments: Record<string, string> = {};
    for (const [i, { indicatorId, comment }] of (input ?? []).entries()) {
      if (!isUuid(indicatorId)) throw notAnIndicator(indicatorId);
      const id = indicatorId.toLowerCase();
      if (id in comments) throw new BadInputError('indicatorComments', `indicator ${id} has more than one comment`);
      comments[id] = requireText(`indicatorComments[${i}].comment`, comment, MAX_INDICATOR_COMMENT);
    }
    const ids = Object.keys(comments);
    if (ids.length === 0) return comments;
    const found: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM indicators WHERE plan_id = $1::uuid AND id = ANY($2::uuid[])`,
      [planId, ids],
    );
    const ofPlan = new Set(found.map((r) => r.id));
    const stranger = ids.find((id) => !ofPlan.has(id));
    if (stranger) throw notAnIndicator(stranger);
    return comments;
  }
}

const OPERATIONS: Record<ReportAction, string> = {
  [ReportAction.SUBMITTED]: 'submitAnnualReport',
  [ReportAction.APPROVED]: 'approveAnnualReport',
  [ReportAction.RETURNED]: 'returnAnnualReport',
};

function notAYear(plan: Pick<PlanEntity, 'startDate' | 'endDate'>, year: number): BadInputError {
  const years = reportingYears(plan);
  return new BadInputError('year', `${year} is not a reporting year of this plan (${years[0]}-${years[years.length - 1]})`);
}

function notAnIndicator(id: string): BadInputError {
  return new BadInputError('indicatorComments', `"${id}" is not an indicator of this plan`);
}

function requirePeriod(plan: Pick<PlanEntity, 'startDate' | 'endDate'>, year: number): PeriodDates {
  const period = reportingPeriod(plan, year);
  if (!period) throw notAYear(plan, year);
  return period;
}

function requireEnded(period: PeriodDates, today: string): void {
  if (!hasEnded(period, today)) {
    throw new BadInputError(
      'year',
      `the ${period.year} period ends ${period.endDate}: its report can be submitted from ${addDays(period.endDate, 1)}`,
    );
  }
}

function requireTransition(period: ReportingPeriodRow, action: ReportAction): void {
  if (!mayTransition(period.status, action)) {
    throw new ConflictError(
      `The ${period.year} annual report is ${period.status}: it can be ${action.toLowerCase()} only from ${allowedFrom(action).join(' or ')}`,
    );
  }
}

function toPeriodDates(row: ReportingPeriodRow): PeriodDates {
  return { year: row.year, startDate: row.start_date, endDate: row.end_date, dueDate: row.due_date };
}

