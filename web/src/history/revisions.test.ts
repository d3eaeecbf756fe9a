import { describe, expect, it } from 'vitest';
import { describeRevision } from './revisions';
import { conflictMessage } from './retract-form';

describe('describeRevision', () => {
  it('names each changed field in Danish with its old and new value', () => {
    expect(describeRevision('{"target":12}', '{"target":16}')).toBe('målværdi 12 → 16');
    expect(describeRevision('{"name":"A","targetDate":"2027-06-30"}', '{"name":"B","targetDate":"2028-06-30"}')).toBe(
      'navn "A" → "B", måldato 30. jun. 2027 → 30. jun. 2028',
    );
    expect(describeRevision('{"baseline":null}', '{"baseline":55.5}')).toBe('baseline intet → 55,5');
  });

  it('shows what it cannot read as it came', () => {
    expect(describeRevision('x', 'y')).toBe('x → y');
  });
});

describe('conflictMessage', () => {
  it('tells an entry already retracted from one in a locked year', () => {
    expect(conflictMessage('id: ProgressEntry "1" is already retracted')).toBe('Registreringen er allerede tilbagekaldt.');
    expect(conflictMessage('id: 2025-03-01 lies in the reporting period 2025, whose annual report is submitted or approved; LBF must return…')).toMatch(
      /^Registreringen ligger i et år, hvis årsrapport er indsendt eller godkendt \(2025\)/,
    );
  });
});
