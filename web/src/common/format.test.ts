import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercent, formatShare, formatSpentOfBudget, todayIso } from './format';
import { FormParser } from './use-form';

describe('Danish formatting', () => {
  it('writes kroner with thousands dots and progress with a decimal comma', () => {
    expect(formatMoney(14_250_000)).toBe('14.250.000 kr.');
    expect(formatMoney(2_200_000_000)).toBe('2.200.000.000 kr.');
    expect(formatSpentOfBudget(3_308_500, 6_000_000)).toBe('3.308.500 af 6.000.000 kr.');
    expect(formatPercent(61.142857)).toBe('61,1 %');
    expect(formatPercent(null)).toBe('ingen data');
    expect(formatShare(900_000 / 4_900_000)).toBe('18,4 %');
  });

  it("gives today's date in the browser's own calendar", () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('reading what was typed', () => {
  it('reads kroner with dots or spaces as thousands separators, exactly', () => {
    const p = new FormParser();
    expect(p.money('spent', '1.250.000')).toBe('1250000');
    expect(p.money('budget', '80 000 kr')).toBe('80000');
    expect(p.errors).toEqual({});
  });

  it('names each field it cannot read, and nothing else', () => {
    const p = new FormParser();
    p.integer('percentComplete', '45,5');
    p.decimal('value', '12,5');
    p.optionalInteger('participantsReached', '');
    p.money('spent', '12,50');
    p.date('reportedOn', '27-11-2026');
    expect(p.errors).toEqual({
      percentComplete: 'Skal være et helt tal.',
      spent: 'Skal være et beløb i hele kroner.',
      reportedOn: 'Skal være en dato (åååå-mm-dd).',
    });
    expect(new FormParser().decimal('value', '12,5')).toBe(12.5);
  });
});
