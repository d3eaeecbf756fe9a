import { ActivityStatus, IndicatorDirection, IndicatorStatus } from '../common/enums.js';
import type { TreeNode } from '../goals/goal-tree.js';

/**
 * The per-item roll-up rules of docs/rollups.md as plain functions. The server computes
 * every figure in SQL (rollup-sql.ts and the *.repository.ts beside it); these functions state the same rules in the same
 * double-precision arithmetic, so the unit tests pin the contract and the SQL can be checked against it.
 * Dates are 'YYYY-MM-DD' strings; progress is a percentage (0-100), like percentComplete.
 */

/** An indicator is on track when its attainment is at least the elapsed share minus this margin. */
export const ON_TRACK_MARGIN = 0.15;

/**
 * Slack for the on-track comparison. In doubles, 0.20 − 0.15 is a hair above 0.05, so an attainment of
 * exactly 0.05 would read OFF_TRACK although by hand it is "at least" the threshold. Inputs are
 * human-scale decimals, so a real difference is never this small.
 */
export const ON_TRACK_SLACK = 1e-9;

/** Statuses in which an activity is expected to report (and so can go stale). */
export const REPORTING_STATUSES: readonly ActivityStatus[] = [ActivityStatus.PLANNED, ActivityStatus.ACTIVE];

/** The share of one link: its weight over the weights of all links of the same activity (including itself). */
export function share(weight: number, weightsOfActivity: number[]): number {
  const total = weightsOfActivity.reduce((sum, w) => sum + w, 0);
  if (!(total > 0)) throw new RangeError('an activity with a link has a positive total weight');
  return weight / total;
}

export interface AttainmentInput {
  baseline: number | null;
  target: number;
  direction: IndicatorDirection;
  /** The latest measurement's value, null without measurements. */
  latest: number | null;
}

/**
 * (latest − baseline) / (target − baseline) clamped to [0, 1]; where target equals baseline, 1 when the
 * latest value meets the target in the indicator's direction, else 0. Null without baseline or data.
 */
export function indicatorAttainment({ baseline, target, direction, latest }: AttainmentInput): number | null {
  if (baseline === null || latest === null) return null;
  if (target === baseline) {
    const meets = direction === IndicatorDirection.INCREASE ? latest >= target : latest <= target;
    return meets ? 1 : 0;
  }
  return clamp01((latest - baseline) / (target - baseline));
}

export interface ElapsedInput {
  baselineDate: string | null;
  targetDate: string;
  today: string;
}

/**
 * The elapsed share of the time from baseline date to target date, clamped to [0, 1].
 * Without a baseline date there is no start to measure from: the share is taken as 1, so such an
 * indicator is held to (nearly) its full target. A zero-length period is 1 from the target date on.
 */
export function elapsedShare({ baselineDate, targetDate, today }: ElapsedInput): number {
  if (baselineDate === null) return 1;
  const start = dayNumber(baselineDate);
  const end = dayNumber(targetDate);
  const now = dayNumber(today);
  if (end === start) return now >= end ? 1 : 0;
  return clamp01((now - start) / (end - start));
}

export interface IndicatorStatusInput extends AttainmentInput, ElapsedInput {}

/** NO_BASELINE, else NO_DATA, else ON_TRACK when attainment ≥ elapsed − 0.15, else OFF_TRACK. */
export function indicatorStatus(input: IndicatorStatusInput): IndicatorStatus {
  if (input.baseline === null) return IndicatorStatus.NO_BASELINE;
  const attainment = indicatorAttainment(input);
  if (attainment === null) return IndicatorStatus.NO_DATA;
  return isOnTrack(attainment, elapsedShare(input)) ? IndicatorStatus.ON_TRACK : IndicatorStatus.OFF_TRACK;
}

/** Written exactly as the SQL evaluates it: (elapsed − margin) − slack, left to right. */
export function isOnTrack(attainment: number, elapsed: number): boolean {
  return attainment >= elapsed - ON_TRACK_MARGIN - ON_TRACK_SLACK;
}

export interface GoalActivityRow {
  /** s_a: the sum of the activity's shares over its links into the goal's subtree (0 < s_a ≤ 1). */
  share: number;
  /** The activity's progress, null without progress entries (counts as 0). */
  progress: number | null;
}

/** sum(s_a × progress_a) / sum(s_a) over the subtree's non-cancelled activities; null when none. */
export function goalProgress(rows: GoalActivityRow[]): number | null {
  if (rows.length === 0) return null;
  let weighted = 0;
  let shares = 0;
  for (const row of rows) {
    weighted += row.share * (row.progress ?? 0);
    shares += row.share;
  }
  return weighted / shares;
}

/** The mean progress of non-cancelled activities, no entries counting as 0; null when none. */
export function planProgress(progresses: (number | null)[]): number | null {
  if (progresses.length === 0) return null;
  return progresses.reduce<number>((sum, p) => sum + (p ?? 0), 0) / progresses.length;
}

export interface StaleInput {
  status: ActivityStatus;
  startDate: string;
  /** reportedOn of the latest progress entry (the latest reportedOn of all), null without entries. */
  latestReportedOn: string | null;
  reportingIntervalDays: number;
  today: string;
}

/**
 * PLANNED or ACTIVE, started before today, and no entry reported on or after today − interval.
 * An entry exactly `interval` days old still counts as reported within the interval.
 */
export function isStale({ status, startDate, latestReportedOn, reportingIntervalDays, today }: StaleInput): boolean {
  if (!REPORTING_STATUSES.includes(status)) return false;
  const now = dayNumber(today);
  if (!(dayNumber(startDate) < now)) return false;
  return latestReportedOn === null || dayNumber(latestReportedOn) < now - reportingIntervalDays;
}

export interface CofinancingInput {
  lbfGrant: number;
  localCofinancing: number;
  minShare: number;
}

/**
 * local / (grant + local), 0 when both are 0; below the minimum when that share is under the pool's
 * minimum (so a plan with no money recorded at all is flagged). The SQL decides "below" exactly in
 * numeric (local < min × total); for whole kroner and a 4-decimal minimum this agrees with the division.
 */
export function cofinancing({ lbfGrant, localCofinancing, minShare }: CofinancingInput): {
  share: number;
  belowMinimum: boolean;
} {
  const total = lbfGrant + localCofinancing;
  const share = total === 0 ? 0 : localCofinancing / total;
  return { share, belowMinimum: share < minShare };
}

/** Days since 1970-01-01 for a 'YYYY-MM-DD' date: whole numbers, so date differences are exact. */
export function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/**
 * "Some goal's subtree has none": walked goal by goal over its subtree, as the plan roll-up's lists
 * are (goalsWithoutActivities, goalsWithoutIndicators). `has` holds the goals that have one directly
 * (a non-cancelled activity linked to them, an indicator).
 */
export function someSubtreeLacks(goals: TreeNode[], has: ReadonlySet<string>): boolean {
  const children = new Map<string, string[]>();
  for (const goal of goals) if (goal.parentId) children.set(goal.parentId, [...(children.get(goal.parentId) ?? []), goal.id]);
  const subtreeHas = (id: string): boolean => has.has(id) || (children.get(id) ?? []).some(subtreeHas);
  return goals.some((goal) => !subtreeHas(goal.id));
}

/**
 * The same question as the attention reasons ask it in SQL, without walking the trees: does some
 * leaf (a goal without children) have none itself? Every subtree holds a leaf, and a leaf's subtree
 * is the leaf, so the two answers agree (rollup-rules.spec.ts tries it on random trees).
 */
export function someLeafLacks(goals: TreeNode[], has: ReadonlySet<string>): boolean {
  const parents = new Set(goals.map((goal) => goal.parentId));
  return goals.some((goal) => !parents.has(goal.id) && !has.has(goal.id));
}
