import { graphql } from '../gql';

export const responsiblePartiesFragment = graphql(`
  fragment ResponsibleParties on ResponsiblePartyRollup {
    responsibleParty
    activityCount
    budget
    spent
    progress
    staleCount
  }
`);

/** The plan page's "Koordinering": the area secretariat's notes (newest first) and who does what. */
export const planCoordinationQuery = graphql(`
  query PlanCoordination($id: ID!) {
    plan(id: $id) {
      id
      areaSecretariat { id name }
      coordinationNotes { id text createdAt author { id name } }
      rollup { byResponsibleParty { ...ResponsibleParties } }
    }
  }
`);

/** The area page's coordination: overlaps, shared indicators, responsible parties, notes of each plan, late reports. */
export const areaCoordinationQuery = graphql(`
  query AreaCoordination($id: ID!) {
    areaSecretariat(id: $id) {
      id
      overlaps {
        activityType { id name }
        targetGroups { id name }
        activities { id title plan { id title } }
        overlapStart
        overlapEnd
        overlapDays
      }
      sharedIndicators {
        name
        unit
        indicators { id status attainment latest { id value measuredOn } goal { id plan { id title } } }
      }
      plans { id title coordinationNotes { id text createdAt author { id name } } }
      rollup {
        byResponsibleParty { ...ResponsibleParties }
        lateReports { year dueDate status plan { id title } }
      }
    }
  }
`);

export const addCoordinationNoteMutation = graphql(`
  mutation AddCoordinationNote($input: AddCoordinationNoteInput!) {
    addCoordinationNote(input: $input) { id text createdAt author { id name } plan { id } }
  }
`);
