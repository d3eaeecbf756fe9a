import { BadInputError } from './errors.js';
import { MAX_DAYS_AHEAD, requireNotTooFarAhead } from './validate.js';

function refusal(fn: () => void): { field: string; message: string } | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (!(error instanceof BadInputError)) throw error;
    return { field: error.field, message: error.message };
  }
}

describe('requireNotTooFarAhead', () => {
  it(`allows up to ${MAX_DAYS_AHEAD} days after today, across a month end, and any day before`, () => {
    expect(refusal(() => requireNotTooFarAhead('reportedOn', '2026-12-04', '2026-11-27'))).toBeNull();
    expect(refusal(() => requireNotTooFarAhead('reportedOn', '2020-01-01', '2026-11-27'))).toBeNull();
    expect(refusal(() => requireNotTooFarAhead('reportedOn', '2026-12-05', '2026-11-27'))).toEqual({
      field: 'reportedOn',
      message: 'reportedOn: 2026-12-05 is more than 7 days ahead (latest 2026-12-04)',
    });
  });

  it('names the field it is given: a measurement typed with the wrong year', () => {
    expect(refusal(() => requireNotTooFarAhead('measuredOn', '2030-06-30', '2026-06-30'))).toEqual({
      field: 'measuredOn',
      message: 'measuredOn: 2030-06-30 is more than 7 days ahead (latest 2026-07-07)',
    });
    expect(refusal(() => requireNotTooFarAhead('measuredOn', '2027-01-01', '2026-12-25'))).toBeNull();
  });
});
