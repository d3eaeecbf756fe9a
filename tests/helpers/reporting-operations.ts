/** GraphQL operations of the reporting tests (issue 9), each written once. */
const PERIOD_FIELDS = `year startDate endDate dueDate status isLate submittedAt submittedBy { id } plan { id }
  events { action at comment by { id } }`;

export const SUBMIT = `mutation($input: SubmitAnnualReportInput!) { submitAnnualReport(input: $input) { ${PERIOD_FIELDS} } }`;
export const APPROVE = `mutation($input: ReviewAnnualReportInput!) { approveAnnualReport(input: $input) { ${PERIOD_FIELDS} } }`;
export const RETURN = `mutation($input: ReviewAnnualReportInput!) { returnAnnualReport(input: $input) { ${PERIOD_FIELDS} } }`;

export const PERIODS = `query($id: ID!) { plan(id: $id) { reportingPeriods { ${PERIOD_FIELDS} } } }`;

/** Every field of an annual report, nested objects by id. */
export const ANNUAL_REPORT = `query($planId: ID!, $year: Int!) { annualReport(planId: $planId, year: $year) {
  period { year startDate endDate dueDate status isLate }
  asOf comment
  indicators { indicator { id } goal { id } name unit direction baseline baselineDate target targetDate
               value measuredOn attainment status comment }
  activities { activity { id } title responsibleParty focusArea { id } budget progress spent spentInYear
               participantsReached entriesInYear }
  finances { lbfGrant localCofinancing budget spent spentInYear }
  milestones { id title dueDate completedOn isOverdue activity { id } goal { id } plan { id } }
} }`;

export const CREATE_MILESTONE = `mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) {
  id title dueDate completedOn isOverdue plan { id } activity { id } goal { id } } }`;
export const COMPLETE_MILESTONE = `mutation($id: ID!, $completedOn: Date!) { completeMilestone(id: $id, completedOn: $completedOn) {
  id completedOn isOverdue } }`;

export const UPDATE_INDICATOR = `mutation($input: UpdateIndicatorInput!) { updateIndicator(input: $input) {
  id name unit direction source baseline baselineDate target targetDate
  revisions { at by { id } reason before after } } }`;

export const LOG = `mutation($input: LogProgressInput!) { logProgress(input: $input) { id } }`;
export const MEASURE = `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }`;
export const AUDIT = `query($filter: AuditFilter) { auditEvents(filter: $filter, first: 100) {
  totalCount edges { node { operation entity entityId before after actor { id } plan { id } } } } }`;
