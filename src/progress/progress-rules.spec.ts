import { ActivityStatus } from '../common/enums.js';
import { BadInputError } from '../common/errors.js';
import { requireLoggable } from './progress-rules.js';

function refusal(fn: () => void): { field: string; message: string } | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (!(error instanceof BadInputError)) throw error;
    return { field: error.field, message: error.message };
  }
}

describe('requireLoggable', () => {
  const activity = { status: ActivityStatus.ACTIVE, startDate: '2026-03-01' };

  it('allows any status but CANCELLED, from the start date on', () => {
    for (const status of [ActivityStatus.PLANNED, ActivityStatus.ACTIVE, ActivityStatus.PAUSED, ActivityStatus.COMPLETED]) {
      expect(refusal(() => requireLoggable({ ...activity, status }, '2026-03-01'))).toBeNull();
    }
  });

  it('refuses a date before the start, naming reportedOn', () => {
    expect(refusal(() => requireLoggable(activity, '2026-02-28'))).toEqual({
      field: 'reportedOn',
      message: "reportedOn: 2026-02-28 is before the activity's startDate 2026-03-01",
    });
  });

  it('refuses a cancelled activity first, naming activityId', () => {
    expect(refusal(() => requireLoggable({ ...activity, status: ActivityStatus.CANCELLED }, '2026-02-28'))).toEqual({
      field: 'activityId',
      message: 'activityId: the activity is cancelled: progress can no longer be logged',
    });
  });
});
