/**
 * The benchmark's GraphQL operations, shared with tests/dataset.test.ts (which checks their statement
 * counts on a small dataset). The floors in floor-*.sql compute the same answers in one SQL statement.
 */

/** W0: the framework floor. */
export const W0_TYPENAME = `{ __typename }`;

/** W1: a plan page: the plan, its goals with roll-ups, indicators with latest values, activities with progress. */
export const W1_PLAN_PAGE = `query PlanPage($id: ID!) {
  plan(id: $id) {
    id title status startDate endDate lbfGrant localCofinancing reportingIntervalDays
    pool { id name minCofinancingShare }
    municipality { id name code }
    goals {
      id kind title parent { id }
      rollup { activityCount progress budget spent indicatorCount indicatorsOnTrack }
      indicators { id name unit direction baseline target attainment status latest { value measuredOn } }
    }
    activities { id title status budget progress spent isStale links { goal { id } weight share } }
    rollup {
      activityCount progress budget spent cofinancingShare cofinancingBelowMinimum
      goalsWithoutActivities { id } activitiesWithoutGoals { id } goalsWithoutIndicators { id } staleActivities { id }
    }
  }
}`;

/**
 * W2: the national roll-up by focus area and by municipality. The benchmark sends no `poolId` (every
 * plan); the test narrows it to a pool of its own dataset, since the test database is shared.
 */
export const W2_NATIONAL = `query National($poolId: ID) {
  nationalRollup(poolId: $poolId) {
    planCount activityCount lbfGrant localCofinancing budget spent progress
    byFocusArea { focusArea { id name pool { name } } activityCount budget progress }
    byMunicipality { municipality { id name code } planCount lbfGrant progress }
  }
}`;

/** W2a (reported beside W2): the same with the plans that need attention, as LBF's monitoring asks. */
export const W2_NATIONAL_ATTENTION = `query NationalAttention {
  nationalRollup {
    planCount activityCount lbfGrant localCofinancing budget spent progress
    byFocusArea { focusArea { id name pool { name } } activityCount budget progress }
    byMunicipality { municipality { id name code } planCount lbfGrant progress }
    plansNeedingAttention { id title }
  }
}`;

/** W3: a secretariat logs progress. */
export const W3_LOG_PROGRESS = `mutation Log($input: LogProgressInput!) {
  logProgress(input: $input) { id reportedOn percentComplete }
}`;

export const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;

/**
 * R: a plan's annual report, every field of API.md's AnnualReport (as the report's page and its
 * workbook read it). Timed live (an OPEN year: computed from the live rows) and submitted (a
 * SUBMITTED or APPROVED year: the figures stored at submission).
 */
export const ANNUAL_REPORT = `query AnnualReport($planId: ID!, $year: Int!) {
  annualReport(planId: $planId, year: $year) {
    period { year startDate endDate dueDate status isLate submittedAt submittedBy { id name } events { action at by { id } comment } }
    asOf comment
    indicators {
      indicator { id } goal { id title } name unit direction baseline baselineDate target targetDate
      value measuredOn attainment status comment
    }
    activities {
      activity { id } title responsibleParty focusArea { id name }
      budget progress spent spentInYear participantsReached entriesInYear
    }
    finances { lbfGrant localCofinancing budget spent spentInYear }
    milestones { id title dueDate completedOn isOverdue activity { id } goal { id } }
  }
}`;

/**
 * A: an area secretariat's page: the web app's AreaPage operation (web/src/area/area-page.graphql.ts
 * with its fragments PlanRow and PortfolioTotals written out) plus the area's overlaps and shared
 * indicators (src/coordination/area).
 */
export const AREA_PAGE = `query AreaPage($id: ID!) {
  areaSecretariat(id: $id) {
    id
    name
    plans {
      id title status lbfGrant localCofinancing
      pool { id name }
      municipality { id name }
      rollup {
        activityCount progress budget spent cofinancingBelowMinimum
        goalsWithoutActivities { id } activitiesWithoutGoals { id } goalsWithoutIndicators { id }
        staleActivities { id } overspentActivities { id } attentionReasons
      }
    }
    rollup {
      planCount activityCount lbfGrant localCofinancing budget spent progress
      plansNeedingAttention { id title }
    }
    overlaps {
      activityType { id name } targetGroups { id name }
      activities { id title plan { id title } }
      overlapStart overlapEnd overlapDays
    }
    sharedIndicators { name unit indicators { id name unit attainment latest { value measuredOn } goal { id plan { id title } } } }
  }
}`;

export const SUBMIT_ANNUAL_REPORT = `mutation Submit($input: SubmitAnnualReportInput!) { submitAnnualReport(input: $input) { year status } }`;
export const APPROVE_ANNUAL_REPORT = `mutation Approve($input: ReviewAnnualReportInput!) { approveAnnualReport(input: $input) { year status } }`;
