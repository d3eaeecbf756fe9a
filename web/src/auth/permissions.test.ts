import { describe, expect, it } from 'vitest';
import { canAddCoordinationNote, canEditPlanContent, canReviewReports, homePath } from './permissions';

describe('who sees the editor', () => {
  it('is ADMIN and the project secretariat of that plan only', () => {
    expect(canEditPlanContent({ role: 'ADMIN' }, 'p1')).toBe(true);
    expect(canEditPlanContent({ role: 'PROJECT_SECRETARIAT', plan: { id: 'p1' } }, 'p1')).toBe(true);
    expect(canEditPlanContent({ role: 'PROJECT_SECRETARIAT', plan: { id: 'p2' } }, 'p1')).toBe(false);
    for (const role of ['BOARD_MEMBER', 'AREA_SECRETARIAT', 'LBF'] as const) expect(canEditPlanContent({ role, plan: { id: 'p1' } }, 'p1')).toBe(false);
  });

  it('lands each role where UI.md says', () => {
    expect(homePath({ role: 'PROJECT_SECRETARIAT', plan: { id: 'p1' } })).toBe('/planer/p1');
    expect(homePath({ role: 'BOARD_MEMBER', plan: { id: 'p1' } })).toBe('/planer/p1');
    expect(homePath({ role: 'AREA_SECRETARIAT', areaSecretariat: { id: 'a1' } })).toBe('/omraader/a1');
    expect(homePath({ role: 'LBF' })).toBe('/national');
    expect(homePath({ role: 'ADMIN' })).toBe('/national');
    expect(homePath({ role: 'BOARD_MEMBER', plan: null })).toBeNull();
  });
});

describe('reporting and coordination buttons', () => {
  const area = { id: 'area-1' };
  it('LBF and ADMIN review reports; nobody else does', () => {
    expect(canReviewReports({ role: 'LBF' })).toBe(true);
    expect(canReviewReports({ role: 'ADMIN' })).toBe(true);
    expect(canReviewReports({ role: 'PROJECT_SECRETARIAT', plan: { id: 'p1' } })).toBe(false);
    expect(canReviewReports({ role: 'AREA_SECRETARIAT' })).toBe(false);
  });
  it('a coordination note: ADMIN, or the area secretariat the plan belongs to', () => {
    expect(canAddCoordinationNote({ role: 'AREA_SECRETARIAT', areaSecretariat: area }, 'area-1')).toBe(true);
    expect(canAddCoordinationNote({ role: 'AREA_SECRETARIAT', areaSecretariat: area }, 'area-2')).toBe(false);
    expect(canAddCoordinationNote({ role: 'AREA_SECRETARIAT', areaSecretariat: area }, null)).toBe(false);
    expect(canAddCoordinationNote({ role: 'LBF' }, 'area-1')).toBe(false);
    expect(canAddCoordinationNote({ role: 'ADMIN' }, null)).toBe(true);
  });
});
