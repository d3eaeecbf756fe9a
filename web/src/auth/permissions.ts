import type { Role } from '../gql/graphql';

interface Who {
  role: Role;
  plan?: { id: string } | null;
}

/**
 * Whether the person may change a plan's content (goals, indicators, measurements, activities,
 * links, progress): ADMIN, and the project secretariat of that plan. The API decides in the end;
 * this only keeps buttons away from those who would be refused.
 */
export function canEditPlanContent(user: Who, planId: string): boolean {
  return user.role === 'ADMIN' || (user.role === 'PROJECT_SECRETARIAT' && user.plan?.id === planId);
}

/** Where a person lands after signing in; null for a user attached to nothing it could read. */
export function homePath(user: Who & { areaSecretariat?: { id: string } | null }): string | null {
  switch (user.role) {
    case 'PROJECT_SECRETARIAT':
    case 'BOARD_MEMBER':
      return user.plan ? `/planer/${user.plan.id}` : null;
    case 'AREA_SECRETARIAT':
      return user.areaSecretariat ? `/omraader/${user.areaSecretariat.id}` : null;
    default:
      return '/national';
  }
}

/** LBF and ADMIN read the national roll-up; the API refuses everyone else. */
export function canReadNational(user: Who): boolean {
  return user.role === 'ADMIN' || user.role === 'LBF';
}

/** Submitting a plan's annual report, milestones, indicator revisions, retractions, imports: the plan's editors. */
export const canSubmitReport = canEditPlanContent;

/** Approving and returning annual reports is LBF's (and ADMIN's). */
export function canReviewReports(user: Who): boolean {
  return user.role === 'ADMIN' || user.role === 'LBF';
}

/** Coordination notes on a plan: ADMIN, and the area secretariat the plan is attached to. */
export function canAddCoordinationNote(user: Who & { areaSecretariat?: { id: string } | null }, areaSecretariatId: string | null | undefined): boolean {
  if (user.role === 'ADMIN') return true;
  return user.role === 'AREA_SECRETARIAT' && Boolean(areaSecretariatId) && user.areaSecretariat?.id === areaSecretariatId;
}
