import { formatShare } from '../common/format';
import type { PlanData } from './plan-types';

/** One coherence warning of a plan, with the objects it is about (linked to on the page). */
export interface PlanWarning {
  key: string;
  title: string;
  detail?: string;
  items: Array<{ id: string; title: string; anchor: string }>;
}

/**
 * The plan's warnings in the order a secretariat should act on them: money first, then what is
 * not moving, then the holes in the goal tree. All from the API's roll-up; indicators that are off
 * track come from the goals' own indicator statuses.
 */
export function planWarnings(plan: Pick<PlanData, 'rollup' | 'pool' | 'goals'>): PlanWarning[] {
  const { rollup } = plan;
  const warnings: PlanWarning[] = [];
  if (rollup.cofinancingBelowMinimum) {
    warnings.push({
      key: 'cofinancing',
      title: 'Medfinansieringen er under puljens minimum',
      detail: `Den lokale medfinansiering er ${formatShare(rollup.cofinancingShare)} af planens økonomi; puljen ${plan.pool.name} kræver mindst ${formatShare(plan.pool.minCofinancingShare)}.`,
      items: [],
    });
  }
  const goal = (g: { id: string; title: string }) => ({ id: g.id, title: g.title, anchor: `mal-${g.id}` });
  const activity = (a: { id: string; title: string }) => ({ id: a.id, title: a.title, anchor: `aktivitet-${a.id}` });
  if (rollup.staleActivities.length) {
    warnings.push({
      key: 'stale',
      title: 'Aktiviteter uden ny statusregistrering',
      detail: 'Ingen status inden for planens rapporteringsinterval.',
      items: rollup.staleActivities.map(activity),
    });
  }
  const offTrack = plan.goals.flatMap((g) => g.indicators.filter((i) => i.status === 'OFF_TRACK').map((i) => ({ id: i.id, title: i.name, anchor: `indikator-${i.id}` })));
  if (offTrack.length) {
    warnings.push({ key: 'off-track', title: 'Indikatorer der er bagud', items: offTrack });
  }
  if (rollup.overspentActivities.length) {
    warnings.push({
      key: 'overspent',
      title: 'Aktiviteter med forbrug over budget',
      items: rollup.overspentActivities.map(activity),
    });
  }
  if (rollup.goalsWithoutActivities.length) {
    warnings.push({ key: 'goals-without-activities', title: 'Mål som ingen aktivitet arbejder på', items: rollup.goalsWithoutActivities.map(goal) });
  }
  if (rollup.activitiesWithoutGoals.length) {
    warnings.push({ key: 'activities-without-goals', title: 'Aktiviteter der ikke er koblet til et mål', items: rollup.activitiesWithoutGoals.map(activity) });
  }
  if (rollup.goalsWithoutIndicators.length) {
    warnings.push({ key: 'goals-without-indicators', title: 'Mål uden indikatorer', items: rollup.goalsWithoutIndicators.map(goal) });
  }
  return warnings;
}
