import { ActivityStatus } from '../common/enums.js';
import { type ProgressEntryRow, toProgressEntryEntity } from './progress-entry.row.js';

const row: ProgressEntryRow = {
  id: '6f1c1f5e-9a53-4b8e-9d1e-2f7f1f0c0a01',
  plan_id: '6f1c1f5e-9a53-4b8e-9d1e-2f7f1f0c0a02',
  activity_id: '6f1c1f5e-9a53-4b8e-9d1e-2f7f1f0c0a03',
  reported_on: '2026-11-27',
  percent_complete: 45,
  status: ActivityStatus.ACTIVE,
  participants_reached: 12,
  spent: '125000',
  note: 'Godt i gang',
  idempotency_key: 'week-48',
  logged_by: '6f1c1f5e-9a53-4b8e-9d1e-2f7f1f0c0a04',
  logged_at: new Date('2026-11-27T09:30:00.123Z'),
  retracted_at: null,
  retracted_by: null,
  retraction_reason: null,
};

describe('toProgressEntryEntity', () => {
  it('renames every column and reads bigint money as whole kroner', () => {
    expect(toProgressEntryEntity(row)).toEqual({
      id: row.id,
      planId: row.plan_id,
      activityId: row.activity_id,
      reportedOn: '2026-11-27',
      percentComplete: 45,
      status: ActivityStatus.ACTIVE,
      participantsReached: 12,
      spent: 125000,
      note: 'Godt i gang',
      idempotencyKey: 'week-48',
      loggedBy: row.logged_by,
      loggedAt: new Date('2026-11-27T09:30:00.123Z'),
      retractedAt: null,
      retractedBy: null,
      retractionReason: null,
    });
  });

  it('carries a retraction', () => {
    const at = new Date('2026-11-28T10:00:00.000Z');
    const entity = toProgressEntryEntity({ ...row, retracted_at: at, retracted_by: row.logged_by, retraction_reason: 'Forkert aktivitet' });
    expect(entity).toMatchObject({ retractedAt: at, retractedBy: row.logged_by, retractionReason: 'Forkert aktivitet' });
  });

  it('keeps what was not given null (no spent is not 0 kroner)', () => {
    const entity = toProgressEntryEntity({ ...row, participants_reached: null, spent: null, note: null, idempotency_key: null });
    expect(entity).toMatchObject({ participantsReached: null, spent: null, note: null, idempotencyKey: null });
  });

  it('keeps an amount beyond 2^53 exact, as the Money transformer does (the API refuses one; the column can hold one)', () => {
    expect(toProgressEntryEntity({ ...row, spent: '9007199254740993' }).spent).toBe('9007199254740993');
  });
});
