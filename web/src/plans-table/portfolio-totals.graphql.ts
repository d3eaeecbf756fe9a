import { graphql } from '../gql';

/** The totals of a portfolio (an area secretariat's plans, or every plan), as PortfolioTotals shows them. */
export const portfolioTotalsFragment = graphql(`
  fragment PortfolioTotals on PortfolioRollup {
    planCount
    activityCount
    lbfGrant
    localCofinancing
    budget
    spent
    progress
  }
`);
