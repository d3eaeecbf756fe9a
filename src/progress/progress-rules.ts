import { addDays } from '../common/clock.js';
import { ActivityStatus } from '../common/enums.js';
import { BadInputError } from '../common/errors.js';

/** LogProgressInput.reportedOn: not before the activity's start, at most a week ahead. */
export const MAX_DAYS_AHEAD = 7;

export function requireNotTooFarAhead(reportedOn: string, today: string): void {
  const latestAllowed = addDays(today, MAX_DAYS_AHEAD);
  if (reportedOn > latestAllowed) {
    throw new BadInputError('reportedOn', `${reportedOn} is more than ${MAX_DAYS_AHEAD} days ahead (latest ${latestAllowed})`);
  }
}

/**
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
