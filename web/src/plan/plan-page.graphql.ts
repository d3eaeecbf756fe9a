import { graphql } from '../gql';

/**
 * Everything the plan page shows, in one request. The API answers it in a fixed number of SQL
 * statements whatever the plan's size (one per kind of object), so the page costs the same for a
 * small plan and a large one.
 */
export const planPageQuery = graphql(`
  query PlanPage($id: ID!) {
    plan(id: $id) {
      id
      title
      status
      startDate
      endDate
      lbfGrant
      localCofinancing
      reportingIntervalDays
      housingAreas
      pool { id name minCofinancingShare focusAreas { id name } }
      municipality { id name }
      areaSecretariat { id name }
      housingOrganisations { id name }
      goals {
        id
        kind
        title
        description
        parent { id }
        focusArea { id name }
        indicators {
          id
          name
          unit
          direction
          baseline
          target
          targetDate
          status
          attainment
          latest { id value measuredOn }
        }
        rollup { activityCount progress budget spent indicatorCount indicatorsOnTrack }
      }
      activities {
        id
        version
        title
        status
        responsibleParty
        targetGroup
        startDate
        endDate
        budget
        progress
        spent
        isStale
        focusArea { id name }
        latestProgress { id reportedOn percentComplete }
        progressEntries { id reportedOn percentComplete retraction { at } }
        links { weight share goal { id title } }
      }
      rollup {
        activityCount
        progress
        budget
        spent
        cofinancingShare
        cofinancingBelowMinimum
        goalsWithoutActivities { id title }
        activitiesWithoutGoals { id title }
        goalsWithoutIndicators { id title }
        staleActivities { id title }
        overspentActivities { id title }
      }
    }
  }
`);
