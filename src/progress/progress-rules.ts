import { ActivityStatus } from '../common/enums.js';
import { BadInputError, ConflictError } from '../common/errors.js';

/**
 * LogProgressInput.reportedOn: not before the activity's start (here), and at most a week ahead
 * (common/validate.ts requireNotTooFarAhead, shared with measurements).
 *
 * Whether progress may be logged on the activity for that date. The insert repeats both conditions
 * in SQL on the locked row (ProgressRepository.append), so a change committed in between is caught.
 */
export function requireLoggable(activity: { status: ActivityStatus; startDate: string }, reportedOn: string): void {
  if (activity.status === ActivityStatus.CANCELLED) {
    throw new BadInputError('activityId', 'the activity is cancelled: progress can no longer be logged');
  }
  if (reportedOn < activity.startDate) {
    throw new BadInputError('reportedOn', `${reportedOn} is before the activity's startDate ${activity.startDate}`);
  }
}

/** The figures of a logProgress call, as they would be stored (note trimmed; status null: not given). */
export interface LoggedFigures {
  reportedOn: string;
  percentComplete: number;
  status: ActivityStatus | null;
  participantsReached: number | null;
  spent: number | string | null;
  note: string | null;
}

/**
 * An idempotency key already used on the activity: the same figures are a retry and get the first
 * entry back; other figures are a new report under an old key, which would be lost in silence, so
 * CONFLICT on idempotencyKey. A status not given matches the entry's (it holds the activity's status
 * of the time, which is what a retry of such a call would store too). Money compares as text: a
 * stored amount beyond 2^53 comes back as a string.
 */
export function requireSameFigures(previous: LoggedFigures, given: LoggedFigures): void {
  const compared: (keyof LoggedFigures)[] = ['reportedOn', 'percentComplete', 'status', 'participantsReached', 'spent', 'note'];
  const differences = compared
    .filter((field) => !(field === 'status' && given.status === null))
    .filter((field) => String(previous[field] ?? null) !== String(given[field] ?? null))
    .map((field) => `${field} ${JSON.stringify(previous[field])}, not ${JSON.stringify(given[field])}`);
  if (differences.length > 0) {
    throw new ConflictError(
      `idempotencyKey: already used on this activity for an entry with other figures (${differences.join('; ')}); a new entry needs a new key`,
      'idempotencyKey',
    );
  }
}
