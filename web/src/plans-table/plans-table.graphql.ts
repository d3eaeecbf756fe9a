import { graphql } from '../gql';

/** A plan's row in the area and national tables: its roll-up and how many warnings it has. */
export const planRowFragment = graphql(`
  fragment PlanRow on Plan {
    id
    title
    status
    lbfGrant
    localCofinancing
    pool { id name }
    municipality { id name }
    rollup {
      activityCount
      progress
      budget
      spent
      cofinancingBelowMinimum
      goalsWithoutActivities { id }
      activitiesWithoutGoals { id }
      goalsWithoutIndicators { id }
      staleActivities { id }
      overspentActivities { id }
      attentionReasons
    }
  }
`);
