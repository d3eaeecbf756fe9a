import { graphql } from '../gql';

export const areaPageQuery = graphql(`
  query AreaPage($id: ID!) {
    areaSecretariat(id: $id) {
      id
      name
      plans { ...PlanRow }
      rollup {
        planCount
        activityCount
        lbfGrant
        localCofinancing
        budget
        spent
        progress
        plansNeedingAttention { id title }
      }
    }
  }
`);
