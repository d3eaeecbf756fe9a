import type { IndicatorDirection, IndicatorStatus, ResponsibleParty } from '../common/enums.js';
import type { MilestoneSnapshot } from './milestone.model.js';

/**
 * The figures of an annual report as one JSON document: what annual-report.repository.ts computes
 * live and what a submission stores (reporting_submissions.report), so that a stored report reads
 * exactly as it was computed. Money is a decimal string, so that no JSON parser rounds it.
 */
export interface AnnualReportFigures {
  asOf: string;
  indicators: IndicatorFigures[];
  activities: ActivityFigures[];
  finances: FinanceFigures;
  milestones: MilestoneSnapshot[];
}

export interface IndicatorFigures {
  indicatorId: string;
  goalId: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baseline: number | null;
  baselineDate: string | null;
  target: number;
  targetDate: string;
  value: number | null;
  measuredOn: string | null;
  attainment: number | null;
  status: IndicatorStatus;
}

export interface ActivityFigures {
  activityId: string;
  title: string;
  responsibleParty: ResponsibleParty;
  focusAreaId: string | null;
  budget: string;
  progress: number | null;
  spent: string;
  spentInYear: string;
  participantsReached: number | null;
  entriesInYear: number;
}

export interface FinanceFigures {
  lbfGrant: string;
  localCofinancing: string;
  budget: string;
  spent: string;
  spentInYear: string;
}
