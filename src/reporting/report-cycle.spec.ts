import { mayTransition, ReportAction, ReportStatus, statusAfter } from './report-cycle.js';

describe('the reporting cycle', () => {
  it('allows exactly the transitions of docs/reporting.md', () => {
    const allowed = Object.values(ReportStatus).flatMap((from) =>
      Object.values(ReportAction)
        .filter((action) => mayTransition(from, action))
        .map((action) => `${from} → ${statusAfter(action)}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'OPEN → SUBMITTED', // the project secretariat submits the year
        'SUBMITTED → APPROVED', // LBF approves
        'SUBMITTED → RETURNED', // LBF sends it back with a comment
        'RETURNED → SUBMITTED', // submitted again
        'APPROVED → RETURNED', // LBF reopens an approved year
      ].sort(),
    );
  });

});
