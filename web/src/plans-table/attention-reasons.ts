import type { PlanRow } from './plans-table-model';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Why a plan needs attention, in words, from its roll-up's warning lists. */
export function attentionReasons(row: PlanRow): string[] {
  const r = row.rollup;
  const reasons: string[] = [];
  if (r.cofinancingBelowMinimum) reasons.push('medfinansiering under puljens minimum');
  if (r.staleActivities.length) reasons.push(count(r.staleActivities.length, 'aktivitet uden ny status', 'aktiviteter uden ny status'));
  if (r.goalsWithoutActivities.length) reasons.push(count(r.goalsWithoutActivities.length, 'mål uden aktiviteter', 'mål uden aktiviteter'));
  if (r.activitiesWithoutGoals.length) reasons.push(count(r.activitiesWithoutGoals.length, 'aktivitet uden mål', 'aktiviteter uden mål'));
  if (r.goalsWithoutIndicators.length) reasons.push(count(r.goalsWithoutIndicators.length, 'mål uden indikatorer', 'mål uden indikatorer'));
  return reasons;
}
