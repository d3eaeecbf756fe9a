import type { PlanPageQuery } from '../gql/graphql';

/** The plan page's data, as the API returns it for planPageQuery. */
export type PlanData = PlanPageQuery['plan'];
export type PlanGoal = PlanData['goals'][number];
export type PlanIndicator = PlanGoal['indicators'][number];
export type PlanActivity = PlanData['activities'][number];
