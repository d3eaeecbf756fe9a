import { graphql } from '../gql';

// Each returns the object's typename, so the client refetches the plan page (urql's document cache
// re-runs every query whose result holds a changed typename): the page shows the change at once.

export const logProgressMutation = graphql(`
  mutation LogProgress($input: LogProgressInput!) {
    logProgress(input: $input) {
      id
      reportedOn
      percentComplete
      activity { id progress spent status isStale }
    }
  }
`);

export const recordMeasurementMutation = graphql(`
  mutation RecordMeasurement($input: RecordMeasurementInput!) {
    recordMeasurement(input: $input) { id measuredOn value }
  }
`);

export const createGoalMutation = graphql(`
  mutation CreateGoal($input: CreateGoalInput!) {
    createGoal(input: $input) { id title }
  }
`);

export const createIndicatorMutation = graphql(`
  mutation CreateIndicator($input: CreateIndicatorInput!) {
    createIndicator(input: $input) { id name }
  }
`);

export const createActivityMutation = graphql(`
  mutation CreateActivity($input: CreateActivityInput!) {
    createActivity(input: $input) { id title }
  }
`);

export const linkActivityMutation = graphql(`
  mutation LinkActivityToGoal($input: LinkActivityInput!) {
    linkActivityToGoal(input: $input) { weight share goal { id } activity { id } }
  }
`);

export const unlinkActivityMutation = graphql(`
  mutation UnlinkActivityFromGoal($activityId: ID!, $goalId: ID!) {
    unlinkActivityFromGoal(activityId: $activityId, goalId: $goalId)
  }
`);
