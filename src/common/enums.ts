import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  ADMIN = 'ADMIN',
  LBF = 'LBF',
  AREA_SECRETARIAT = 'AREA_SECRETARIAT',
  PROJECT_SECRETARIAT = 'PROJECT_SECRETARIAT',
  BOARD_MEMBER = 'BOARD_MEMBER',
}
export enum PlanStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
export enum GoalKind {
  OVERALL = 'OVERALL',
  EFFECT = 'EFFECT',
  SUB = 'SUB',
}
export enum IndicatorDirection {
  INCREASE = 'INCREASE',
  DECREASE = 'DECREASE',
}
export enum IndicatorStatus {
  ON_TRACK = 'ON_TRACK',
  OFF_TRACK = 'OFF_TRACK',
  NO_DATA = 'NO_DATA',
  NO_BASELINE = 'NO_BASELINE',
}
export enum ResponsibleParty {
  HOUSING_ORGANISATION = 'HOUSING_ORGANISATION',
  MUNICIPALITY = 'MUNICIPALITY',
  JOINT = 'JOINT',
  OTHER = 'OTHER',
}
export enum ActivityStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
/** Why a plan needs attention (docs/data-quality.md, "Attention reasons"), in this order. */
export enum AttentionReason {
  GOALS_WITHOUT_ACTIVITIES = 'GOALS_WITHOUT_ACTIVITIES',
  ACTIVITIES_WITHOUT_GOALS = 'ACTIVITIES_WITHOUT_GOALS',
  GOALS_WITHOUT_INDICATORS = 'GOALS_WITHOUT_INDICATORS',
  STALE_ACTIVITIES = 'STALE_ACTIVITIES',
  COFINANCING_BELOW_MINIMUM = 'COFINANCING_BELOW_MINIMUM',
  INDICATORS_OFF_TRACK = 'INDICATORS_OFF_TRACK',
  OVERSPENT_ACTIVITIES = 'OVERSPENT_ACTIVITIES',
  LATE_REPORTS = 'LATE_REPORTS',
}

registerEnumType(Role, { name: 'Role' });
registerEnumType(PlanStatus, { name: 'PlanStatus' });
registerEnumType(GoalKind, { name: 'GoalKind' });
registerEnumType(IndicatorDirection, { name: 'IndicatorDirection' });
registerEnumType(IndicatorStatus, { name: 'IndicatorStatus' });
registerEnumType(ResponsibleParty, { name: 'ResponsibleParty' });
registerEnumType(ActivityStatus, { name: 'ActivityStatus' });
registerEnumType(AttentionReason, { name: 'AttentionReason' });
