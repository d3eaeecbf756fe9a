import { graphql } from '../gql';

/** The plan page's "Årsrapporter": each year with its status, and the plan's milestones. */
export const planReportingQuery = graphql(`
  query PlanReporting($id: ID!) {
    plan(id: $id) {
      id
      reportingPeriods { year status isLate startDate endDate dueDate submittedAt }
      milestones { id title dueDate completedOn isOverdue activity { id title } goal { id title } }
    }
  }
`);

export const annualReportQuery = graphql(`
  query AnnualReportPage($planId: ID!, $year: Int!) {
    annualReport(planId: $planId, year: $year) {
      asOf
      comment
      period {
        year
        startDate
        endDate
        dueDate
        status
        isLate
        submittedAt
        submittedBy { id name }
        events { action at comment by { id name } }
        plan { id title areaSecretariat { id } }
      }
      indicators {
        indicator { id }
        goal { id title }
        name
        unit
        direction
        baseline
        target
        targetDate
        value
        measuredOn
        attainment
        status
        comment
      }
      activities {
        activity { id }
        title
        responsibleParty
        focusArea { id name }
        budget
        progress
        spent
        spentInYear
        participantsReached
        entriesInYear
      }
      finances { lbfGrant localCofinancing budget spent spentInYear }
      milestones { id title dueDate completedOn isOverdue }
    }
  }
`);


export const submitAnnualReportMutation = graphql(`
  mutation SubmitAnnualReport($input: SubmitAnnualReportInput!) {
    submitAnnualReport(input: $input) { year status isLate submittedAt events { action at comment by { id name } } }
  }
`);

export const approveAnnualReportMutation = graphql(`
  mutation ApproveAnnualReport($input: ReviewAnnualReportInput!) {
    approveAnnualReport(input: $input) { year status isLate submittedAt events { action at comment by { id name } } }
  }
`);

export const returnAnnualReportMutation = graphql(`
  mutation ReturnAnnualReport($input: ReviewAnnualReportInput!) {
    returnAnnualReport(input: $input) { year status isLate submittedAt events { action at comment by { id name } } }
  }
`);

export const createMilestoneMutation = graphql(`
  mutation CreateMilestone($input: CreateMilestoneInput!) {
    createMilestone(input: $input) { id title dueDate completedOn isOverdue }
  }
`);

export const completeMilestoneMutation = graphql(`
  mutation CompleteMilestone($id: ID!, $completedOn: Date!) {
    completeMilestone(id: $id, completedOn: $completedOn) { id completedOn isOverdue }
  }
`);
