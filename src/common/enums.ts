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

registerEnumType(Role, { name: 'Role' });
registerEnumType(PlanStatus, { name: 'PlanStatus' });
registerEnumType(GoalKind, { name: 'GoalKind' });
registerEnumType(IndicatorDirection, { name: 'IndicatorDirection' });
registerEnumType(IndicatorStatus, { name: 'IndicatorStatus' });
registerEnumType(ResponsibleParty, { name: 'ResponsibleParty' });
registerEnumType(ActivityStatus, { name: 'ActivityStatus' });
