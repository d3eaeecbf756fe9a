import type {
  ActivityStatus,
  GoalKind,
  IndicatorDirection,
  IndicatorStatus,
  PlanStatus,
  ReportAction,
  ReportStatus,
  ResponsibleParty,
  Role,
} from '../gql/graphql';

/** The API's enum values in the domain's Danish words. */
export const ACTIVITY_STATUS: Record<ActivityStatus, string> = {
  PLANNED: 'Planlagt',
  ACTIVE: 'I gang',
  PAUSED: 'Sat på pause',
  COMPLETED: 'Afsluttet',
  CANCELLED: 'Aflyst',
};

export const PLAN_STATUS: Record<PlanStatus, string> = {
  DRAFT: 'Kladde',
  ACTIVE: 'Aktiv',
  COMPLETED: 'Afsluttet',
  CANCELLED: 'Annulleret',
};

export const GOAL_KIND: Record<GoalKind, string> = {
  OVERALL: 'Formål',
  EFFECT: 'Effektmål',
  SUB: 'Delmål',
};

/** The badge texts of UI.md. */
export const INDICATOR_STATUS: Record<IndicatorStatus, string> = {
  ON_TRACK: 'På sporet',
  OFF_TRACK: 'Bagud',
  NO_DATA: 'Ingen data',
  NO_BASELINE: 'Ingen baseline',
};

export const DIRECTION: Record<IndicatorDirection, string> = {
  INCREASE: 'Skal stige',
  DECREASE: 'Skal falde',
};

export const RESPONSIBLE_PARTY: Record<ResponsibleParty, string> = {
  HOUSING_ORGANISATION: 'Boligorganisationen',
  MUNICIPALITY: 'Kommunen',
  JOINT: 'Fælles',
  OTHER: 'Andre',
};

export const ROLE: Record<Role, string> = {
  ADMIN: 'Administrator',
  LBF: 'Landsbyggefonden',
  AREA_SECRETARIAT: 'Områdesekretariat',
  PROJECT_SECRETARIAT: 'Projektsekretariat',
  BOARD_MEMBER: 'Bestyrelsesmedlem',
};

export const REPORT_STATUS: Record<ReportStatus, string> = {
  OPEN: 'Åben',
  SUBMITTED: 'Indsendt',
  RETURNED: 'Sendt tilbage',
  APPROVED: 'Godkendt',
};

export const REPORT_ACTION: Record<ReportAction, string> = {
  SUBMITTED: 'Indsendt',
  RETURNED: 'Sendt tilbage',
  APPROVED: 'Godkendt',
};

/** Options for a <select>, in the order given. */
export function optionsOf<T extends string>(labels: Record<T, string>): Array<{ value: T; label: string }> {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}
