import { graphql } from '../gql';

/** An activity's progress entries, retracted ones with why: loaded when its history is opened. */
export const activityHistoryQuery = graphql(`
  query ActivityHistory($id: ID!) {
    activity(id: $id) {
      id
      progressEntries {
        id
        reportedOn
        percentComplete
        status
        spent
        note
        loggedBy { id name }
        retraction { at reason by { id name } }
      }
    }
  }
`);

/** A goal's indicators with their measurements and revisions: loaded when an indicator's history is opened. */
export const indicatorHistoryQuery = graphql(`
  query IndicatorHistory($goalId: ID!) {
    goal(id: $goalId) {
      id
      indicators {
        id
        measurements { id measuredOn value note recordedBy { id name } retraction { at reason by { id name } } }
        revisions { at reason before after by { id name } }
      }
    }
  }
`);

export const retractProgressEntryMutation = graphql(`
  mutation RetractProgressEntry($id: ID!, $reason: String!) {
    retractProgressEntry(id: $id, reason: $reason) { id retraction { at reason } activity { id progress spent isStale } }
  }
`);

export const retractMeasurementMutation = graphql(`
  mutation RetractMeasurement($id: ID!, $reason: String!) {
    retractMeasurement(id: $id, reason: $reason) { id retraction { at reason } }
  }
`);

export const updateIndicatorMutation = graphql(`
  mutation UpdateIndicator($input: UpdateIndicatorInput!) {
    updateIndicator(input: $input) { id name unit baseline baselineDate target targetDate status attainment }
  }
`);
