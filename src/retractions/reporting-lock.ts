import type { EntityManager } from 'typeorm';

/**
 * HOOK for the reporting issue (9): "a retraction of an entry or measurement dated inside a
 * SUBMITTED or APPROVED reporting period is CONFLICT", naming the year. RetractionsService calls it
 * inside the retraction's transaction, before the row is marked, with the plan and the row's date
 * (an entry's reportedOn, a measurement's measuredOn), so that the check and the retraction commit
 * together and a submission racing the retraction either sees it or refuses it.
 *
 * Until reporting periods exist nothing is locked. To wire the locks in: call the reporting module's
 * lock check (the one logProgress and recordMeasurement use) here, throwing ConflictError.
 */
export async function requireUnlockedHistory(_m: EntityManager, _planId: string, _datedOn: string): Promise<void> {
  // No reporting periods yet: no history is locked.
}
