import { registerEnumType } from '@nestjs/graphql';

/** Where a plan's report for one year stands. OPEN is every period that has no status row. */
export enum ReportStatus {
  OPEN = 'OPEN',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  APPROVED = 'APPROVED',
}

/** What happened to it, and the status it leads to. */
export enum ReportAction {
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  APPROVED = 'APPROVED',
}

registerEnumType(ReportStatus, { name: 'ReportStatus' });
registerEnumType(ReportAction, { name: 'ReportAction' });

/**
 * The cycle of docs/reporting.md: OPEN or RETURNED → SUBMITTED (the project secretariat); SUBMITTED →
 * APPROVED (LBF); SUBMITTED or APPROVED → RETURNED (LBF; from APPROVED it reopens the year).
 * Every other transition is a CONFLICT.
 */
const ALLOWED_FROM: Record<ReportAction, readonly ReportStatus[]> = {
  [ReportAction.SUBMITTED]: [ReportStatus.OPEN, ReportStatus.RETURNED],
  [ReportAction.APPROVED]: [ReportStatus.SUBMITTED],
  [ReportAction.RETURNED]: [ReportStatus.SUBMITTED, ReportStatus.APPROVED],
};

export function mayTransition(from: ReportStatus, action: ReportAction): boolean {
  return ALLOWED_FROM[action].includes(from);
}

/** The statuses an action may start from, for the CONFLICT message. */
export function allowedFrom(action: ReportAction): readonly ReportStatus[] {
  return ALLOWED_FROM[action];
}

/** Each action leads to the status of the same name. */
export function statusAfter(action: ReportAction): ReportStatus {
  return ReportStatus[action];
}

