import { ActivityGoalLinkEntity } from '../activities/activity-goal-link.entity.js';
import { ActivityEntity } from '../activities/activity.entity.js';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { ActivityTargetGroupEntity } from '../coordination/catalogues/activity-target-group.entity.js';
import { ActivityTypeEntity } from '../coordination/catalogues/activity-type.entity.js';
import { TargetGroupEntity } from '../coordination/catalogues/target-group.entity.js';
import { CoordinationNoteEntity } from '../coordination/notes/coordination-note.entity.js';
import { GoalEntity } from '../goals/goal.entity.js';
import { IndicatorEntity } from '../indicators/indicator.entity.js';
import { MeasurementEntity } from '../indicators/measurement.entity.js';
import { PlanHousingOrganisationEntity } from '../plans/plan-housing-organisation.entity.js';
import { PlanEntity } from '../plans/plan.entity.js';
import { ProgressEntryEntity } from '../progress/progress-entry.entity.js';
import { AreaSecretariatEntity } from '../registry/area-secretariat.entity.js';
import { FocusAreaEntity } from '../registry/focus-area.entity.js';
import { HousingOrganisationEntity } from '../registry/housing-organisation.entity.js';
import { MunicipalityEntity } from '../registry/municipality.entity.js';
import { PoolEntity } from '../registry/pool.entity.js';
import { UserEntity } from '../users/user.entity.js';

export const entities = [
  UserEntity,
  PoolEntity,
  FocusAreaEntity,
  MunicipalityEntity,
  HousingOrganisationEntity,
  AreaSecretariatEntity,
  PlanEntity,
  PlanHousingOrganisationEntity,
  GoalEntity,
  IndicatorEntity,
  MeasurementEntity,
  ActivityEntity,
  ActivityGoalLinkEntity,
  ProgressEntryEntity,
  AuditEventEntity,
  ActivityTypeEntity,
  TargetGroupEntity,
  ActivityTargetGroupEntity,
  CoordinationNoteEntity,
];
