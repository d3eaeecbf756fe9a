import { BadInputError } from '../common/errors.js';
import { requireWithinPlan } from './activity-dates.js';

const plan = { startDate: '2025-01-01', endDate: '2028-12-31' };

function refusal(dates: Parameters<typeof requireWithinPlan>[1]): { field: string; message: string } | null {
  try {
    requireWithinPlan(plan, dates);
    return null;
  } catch (error) {
    if (!(error instanceof BadInputError)) throw error;
    return { field: error.field, message: error.message };
  }
}

describe('requireWithinPlan', () => {
  it('allows dates within the plan, its first and last day included', () => {
    expect(refusal({ startDate: '2025-01-01', endDate: '2028-12-31' })).toBeNull();
    expect(refusal({ startDate: '2026-03-01' })).toBeNull();
    expect(refusal({})).toBeNull();
  });

  it('names the date outside the plan, start first', () => {
    expect(refusal({ startDate: '2024-12-31', endDate: '2029-01-01' })).toEqual({
      field: 'startDate',
      message: "startDate: 2024-12-31 is outside the plan's dates 2025-01-01 to 2028-12-31",
    });
    expect(refusal({ endDate: '2029-01-01' })).toMatchObject({ field: 'endDate' });
    expect(refusal({ startDate: '2029-02-01' })).toMatchObject({ field: 'startDate' });
    expect(refusal({ endDate: '2024-06-30' })).toMatchObject({ field: 'endDate' });
  });
});
