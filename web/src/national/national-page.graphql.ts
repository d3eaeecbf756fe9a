import { graphql } from '../gql';

export const nationalRollupQuery = graphql(`
  query NationalRollup {
    nationalRollup {
      ...PortfolioTotals
      byFocusArea {
        focusArea { id name pool { id name } }
        activityCount
        budget
        progress
      }
      plansNeedingAttention { id title }
      lateReports { year dueDate status plan { id title } }
      withoutFocusArea { activityCount budget progress }
    }
  }
`);

/** Every plan the caller may read, a page at a time (the API gives at most 200 a page). */
export const plansPageQuery = graphql(`
  query PlansPage($first: Int!, $after: String) {
    plans(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...PlanRow } }
    }
  }
`);
