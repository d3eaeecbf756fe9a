import { graphql } from '../gql';

export const areaPageQuery = graphql(`
  query AreaPage($id: ID!) {
    areaSecretariat(id: $id) {
      id
      name
      plans { ...PlanRow }
      rollup {
        ...PortfolioTotals
        plansNeedingAttention { id title }
        lateReports { year plan { id } }
      }
    }
  }
`);
