import { ActivityStatus } from '../common/enums.js';
import { BadInputError, ConflictError } from '../common/errors.js';
import { type LoggedFigures, requireLoggable, requireSameFigures } from './progress-rules.js';

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

describe('requireSameFigures (an idempotency key used again)', () => {
  const first: LoggedFigures = {
    reportedOn: '2026-11-27',
    percentComplete: 45,
    status: ActivityStatus.ACTIVE,
    participantsReached: 32,
    spent: 180000,
    note: 'God tilslutning',
  };

  function conflict(given: LoggedFigures): string | null {
    try {
      requireSameFigures(first, given);
      return null;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      expect(error.details).toEqual({ field: 'idempotencyKey' });
      return error.message;
    }
  }

  it('lets the same figures through: a retry', () => {
    expect(conflict({ ...first })).toBeNull();
    // Money as a string (the Money scalar accepts both), and a status not given (the entry holds the activity's).
    expect(conflict({ ...first, spent: '180000', status: null })).toBeNull();
  });

  it('refuses other figures, naming each that differs, and idempotencyKey', () => {
    expect(conflict({ ...first, percentComplete: 99 })).toBe(
      'idempotencyKey: already used on this activity for an entry with other figures (percentComplete 45, not 99); a new entry needs a new key',
    );
    expect(conflict({ ...first, spent: 1800000, note: null })).toContain('spent 180000, not 1800000; note "God tilslutning", not null');
    for (const change of [
      { reportedOn: '2026-11-28' },
      { status: ActivityStatus.PAUSED },
      { participantsReached: null },
      { spent: null },
      { note: 'Anden note' },
    ] as Partial<LoggedFigures>[]) {
      expect(conflict({ ...first, ...change })).toContain(Object.keys(change)[0]);
    }
  });
});
