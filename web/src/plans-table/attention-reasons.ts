import type { AttentionReason } from '../gql/graphql';
import type { PlanRow } from './plans-table-model';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Why a plan needs attention, in words: the roll-up's attentionReasons in the API's order, each with
 * the number of objects behind it where the roll-up lists them.
 */
export function attentionReasons(row: PlanRow): string[] {
  const r = row.rollup;
  const words: Record<AttentionReason, () => string> = {
    GOALS_WITHOUT_ACTIVITIES: () => count(r.goalsWithoutActivities.length, 'mål uden aktiviteter', 'mål uden aktiviteter'),
    ACTIVITIES_WITHOUT_GOALS: () => count(r.activitiesWithoutGoals.length, 'aktivitet uden mål', 'aktiviteter uden mål'),
    GOALS_WITHOUT_INDICATORS: () => count(r.goalsWithoutIndicators.length, 'mål uden indikatorer', 'mål uden indikatorer'),
    STALE_ACTIVITIES: () => count(r.staleActivities.length, 'aktivitet uden ny status', 'aktiviteter uden ny status'),
    COFINANCING_BELOW_MINIMUM: () => 'medfinansiering under puljens minimum',
    INDICATORS_OFF_TRACK: () => 'indikatorer der er bagud',
    OVERSPENT_ACTIVITIES: () => count(r.overspentActivities.length, 'aktivitet med forbrug over budget', 'aktiviteter med forbrug over budget'),
    LATE_REPORTS: () => 'forsinkede årsrapporter',
  };
  return r.attentionReasons.map((reason) => words[reason]());
}
