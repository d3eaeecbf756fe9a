import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/auth-user.js';
import { BadInputError } from '../../common/errors.js';
import { RequestLoaders } from '../../graphql/request-loaders.js';
import { RegistryLoaders } from '../../registry/registry.loaders.js';
import type { AnnualReportModel } from '../../reporting/annual-report.model.js';
import { ReportingService } from '../../reporting/reporting.service.js';
import { ANNUAL_ACTIVITIES, ANNUAL_FINANCES, ANNUAL_INDICATORS, ANNUAL_MILESTONES } from '../sheets/annual-report-sheets.js';
import type { SheetData } from './plan-export.service.js';

/**
 * The annual report workbook: exactly what `annualReport` answers (ReportingService, the same access
 * checks, the stored figures of a submitted or approved year), one sheet per part of it.
 */
@Injectable()
export class AnnualReportExportService {
  constructor(
    private readonly reporting: ReportingService,
    private readonly registryLoaders: RegistryLoaders,
  ) {}

  async reportSheets(auth: AuthUser, planId: string, year: string): Promise<{ report: AnnualReportModel; sheets: SheetData[] }> {
    if (!/^\d{1,4}$/.test(year)) throw new BadInputError('year', `must be a year, got ${JSON.stringify(year)}`);
    const report = await this.reporting.annualReport(auth, planId, Number(year));
    const focusAreaIds = [...new Set(report.activities.map((a) => a.focusAreaId).filter((id): id is string => id !== null))];
    const areas = await this.registryLoaders.focusArea(new RequestLoaders()).loadMany(focusAreaIds);
    const areaName = new Map(focusAreaIds.map((id, i) => [id, areas[i] instanceof Error ? null : (areas[i]?.name ?? null)]));
    return {
      report,
      sheets: [
        {
          layout: ANNUAL_INDICATORS,
          rows: report.indicators.map((i) => ({
            indicatorId: i.indicatorId,
            goalId: i.goalId,
            name: i.name,
            unit: i.unit,
            direction: i.direction,
            baseline: i.baseline,
            baselineDate: i.baselineDate,
            target: i.target,
            targetDate: i.targetDate,
            value: i.value,
            measuredOn: i.measuredOn,
            attainment: i.attainment,
            status: i.status,
            comment: i.comment,
          })),
        },
        {
          layout: ANNUAL_ACTIVITIES,
          rows: report.activities.map((a) => ({
            activityId: a.activityId,
            title: a.title,
            responsibleParty: a.responsibleParty,
            focusArea: a.focusAreaId ? (areaName.get(a.focusAreaId) ?? null) : null,
            budget: a.budget,
            progress: a.progress,
            spent: a.spent,
            spentInYear: a.spentInYear,
            participantsReached: a.participantsReached,
            entriesInYear: a.entriesInYear,
          })),
        },
        { layout: ANNUAL_FINANCES, rows: [{ ...report.finances }] },
        {
          layout: ANNUAL_MILESTONES,
          rows: report.milestones.map((m) => ({
            milestoneId: m.id,
            title: m.title,
            dueDate: m.dueDate,
            completedOn: m.completedOn,
            isOverdue: m.isOverdue,
            activityId: m.activityId,
            goalId: m.goalId,
          })),
        },
      ],
    };
  }
}
