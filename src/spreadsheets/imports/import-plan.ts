import { ActivityStatus, GoalKind, IndicatorDirection, ResponsibleParty } from '../../common/enums.js';

/** What an import adds to a plan, with ids made beforehand so that rows can refer to each other. */
export interface NewGoal {
  id: string;
  parentId: string | null;
  kind: GoalKind;
  title: string;
  description: string | null;
  focusAreaId: string | null;
}

export interface NewIndicator {
  id: string;
  goalId: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  source: string | null;
  baseline: number | null;
  baselineDate: string | null;
  target: number;
  targetDate: string;
}

export interface NewActivity {
  id: string;
  title: string;
  description: string | null;
  targetGroup: string | null;
  responsibleParty: ResponsibleParty;
  focusAreaId: string | null;
  startDate: string;
  endDate: string;
  budget: number;
  status: ActivityStatus;
}

export interface NewLink {
  activityId: string;
  goalId: string;
  weight: number;
  rationale: string | null;
}

/** Goals parents first, so that each row's parent exists when it is inserted. */
export interface ImportPlan {
  goals: NewGoal[];
  indicators: NewIndicator[];
  activities: NewActivity[];
  links: NewLink[];
}

/** What the plan already holds, and its pool's focus areas, as the import checks refs against them. */
export interface ImportContext {
  plan: { id: string; poolId: string; startDate: string; endDate: string };
  /** Every focus area (a few hundred nationally): a name of another pool gets its own error. */
  focusAreas: { id: string; name: string; poolId: string }[];
  /** The plan's goals by id, with their kind. */
  goals: Map<string, GoalKind>;
  /** The plan's activity ids. */
  activities: Set<string>;
  /** The plan's links as `activityId:goalId`. */
  links: Set<string>;
}
