/**
 * GraphQL operations shared by the integration tests, each written once. They select the fields the
 * tests read back; factories (tests/factories) use their own minimal selections.
 */
export const CREATE_POOL = `mutation($input: CreatePoolInput!) { createPool(input: $input) { id name startYear endYear minCofinancingShare focusAreas { id name } } }`;
export const CREATE_MUNICIPALITY = `mutation($input: CreateMunicipalityInput!) { createMunicipality(input: $input) { id name code } }`;
export const CREATE_HOUSING_ORGANISATION = `mutation($input: CreateHousingOrganisationInput!) { createHousingOrganisation(input: $input) { id name } }`;
export const CREATE_AREA_SECRETARIAT = `mutation($input: CreateAreaSecretariatInput!) { createAreaSecretariat(input: $input) { id name } }`;
export const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email role plan { id } areaSecretariat { id } } }`;

const PLAN_FIELDS = `id title status startDate endDate lbfGrant localCofinancing reportingIntervalDays areaSecretariat { id }`;
export const CREATE_PLAN = `mutation($input: CreatePlanInput!) { createPlan(input: $input) { ${PLAN_FIELDS} } }`;
export const UPDATE_PLAN = `mutation($input: UpdatePlanInput!) { updatePlan(input: $input) { ${PLAN_FIELDS} } }`;

const GOAL_FIELDS = `id kind title description parent { id } focusArea { id }`;
export const CREATE_GOAL = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { ${GOAL_FIELDS} } }`;
export const UPDATE_GOAL = `mutation($input: UpdateGoalInput!) { updateGoal(input: $input) { ${GOAL_FIELDS} } }`;

export const CREATE_INDICATOR = `mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { id baselineDate targetDate } }`;
export const RECORD_MEASUREMENT = `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id measuredOn value } }`;

const ACTIVITY_FIELDS = `id version title startDate endDate budget focusArea { id }`;
export const CREATE_ACTIVITY = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { ${ACTIVITY_FIELDS} } }`;
export const UPDATE_ACTIVITY = `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { ${ACTIVITY_FIELDS} } }`;

export const LINK = `mutation($input: LinkActivityInput!) { linkActivityToGoal(input: $input) { weight share activity { id } goal { id } } }`;
export const UNLINK = `mutation($activityId: ID!, $goalId: ID!) { unlinkActivityFromGoal(activityId: $activityId, goalId: $goalId) }`;

/** A plan with its content, enough to see whether anything changed. */
export const PLAN = `query($id: ID!) { plan(id: $id) { ${PLAN_FIELDS}
  goals { ${GOAL_FIELDS} indicators { id measurements { id } } links { activity { id } } }
  activities { ${ACTIVITY_FIELDS} links { goal { id } weight } } } }`;
export const GOAL = `query($id: ID!) { goal(id: $id) { ${GOAL_FIELDS} plan { id } } }`;
export const ACTIVITY = `query($id: ID!) { activity(id: $id) { ${ACTIVITY_FIELDS} plan { id } links { goal { id } weight } } }`;
export const PLANS = `query($filter: PlanFilter, $first: Int, $after: String) {
  plans(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id title status } } pageInfo { hasNextPage endCursor } } }`;
export const AREA_SECRETARIAT = `query($id: ID!) { areaSecretariat(id: $id) { id plans { id } } }`;
export const AREA_SECRETARIATS = `query { areaSecretariats { id plans { id } } }`;
export const ME = `query { me { id email role plan { id } areaSecretariat { id } } }`;
export const USERS = `query { users { id email role } }`;
export const MUNICIPALITIES = `query { municipalities { id code } }`;
