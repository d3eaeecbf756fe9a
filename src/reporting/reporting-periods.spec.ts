import { hasEnded, reportingPeriod, reportingPeriods, reportingYears } from './reporting-periods.js';

describe('reporting periods', () => {
  it('gives a four-year plan from 1 January one period per calendar year, due 30 June of the next', () => {
    expect(reportingPeriods({ startDate: '2025-01-01', endDate: '2028-12-31' })).toEqual([
      { year: 2025, startDate: '2025-01-01', endDate: '2025-12-31', dueDate: '2026-06-30' },
      { year: 2026, startDate: '2026-01-01', endDate: '2026-12-31', dueDate: '2027-06-30' },
      { year: 2027, startDate: '2027-01-01', endDate: '2027-12-31', dueDate: '2028-06-30' },
      { year: 2028, startDate: '2028-01-01', endDate: '2028-12-31', dueDate: '2029-06-30' },
    ]);
  });

  it('gives a plan from March to September a short first and a short last year', () => {
    const periods = reportingPeriods({ startDate: '2024-03-15', endDate: '2027-09-30' });
    expect(periods.map((p) => [p.year, p.startDate, p.endDate])).toEqual([
      [2024, '2024-03-15', '2024-12-31'],
      [2025, '2025-01-01', '2025-12-31'],
      [2026, '2026-01-01', '2026-12-31'],
      [2027, '2027-01-01', '2027-09-30'],
    ]);
    // The last year is due like the others: 30 June of the next year, not some months after the plan's end.
    expect(periods[3].dueDate).toBe('2028-06-30');
  });

  it('gives a plan within one calendar year one period, its own dates', () => {
    expect(reportingPeriods({ startDate: '2025-02-01', endDate: '2025-11-30' })).toEqual([
      { year: 2025, startDate: '2025-02-01', endDate: '2025-11-30', dueDate: '2026-06-30' },
    ]);
    expect(reportingPeriods({ startDate: '2025-06-30', endDate: '2025-06-30' })).toEqual([
      { year: 2025, startDate: '2025-06-30', endDate: '2025-06-30', dueDate: '2026-06-30' },
    ]);
  });

  it('takes leap years as they come: 29 February as a plan date, 31 December as every year’s end', () => {
    const periods = reportingPeriods({ startDate: '2024-02-29', endDate: '2028-02-29' });
    expect(periods.map((p) => [p.startDate, p.endDate])).toEqual([
      ['2024-02-29', '2024-12-31'],
      ['2025-01-01', '2025-12-31'],
      ['2026-01-01', '2026-12-31'],
      ['2027-01-01', '2027-12-31'],
      ['2028-01-01', '2028-02-29'],
    ]);
    expect(periods.map((p) => p.dueDate)).toEqual(['2025-06-30', '2026-06-30', '2027-06-30', '2028-06-30', '2029-06-30']);
  });

  it('follows a plan whose dates change', () => {
    const plan = { startDate: '2023-05-01', endDate: '2026-12-31' };
    expect(reportingYears(plan)).toEqual([2023, 2024, 2025, 2026]);
    // Shortened into 2025: 2026 is no longer one of its years, and 2025 ends with the plan.
    const shortened = { ...plan, endDate: '2025-08-31' };
    expect(reportingYears(shortened)).toEqual([2023, 2024, 2025]);
    expect(reportingPeriod(shortened, 2025)).toEqual({ year: 2025, startDate: '2025-01-01', endDate: '2025-08-31', dueDate: '2026-06-30' });
    expect(reportingPeriod(shortened, 2026)).toBeNull();
    // Extended into 2028: two more years, and 2026 is a whole year again.
    const extended = { ...plan, endDate: '2028-03-31' };
    expect(reportingYears(extended)).toEqual([2023, 2024, 2025, 2026, 2027, 2028]);
    expect(reportingPeriod(extended, 2026)).toEqual({ year: 2026, startDate: '2026-01-01', endDate: '2026-12-31', dueDate: '2027-06-30' });
    expect(reportingPeriod(extended, 2028)!.endDate).toBe('2028-03-31');
  });

  it('has no period for a year outside the plan, or for no year at all', () => {
    const plan = { startDate: '2023-05-01', endDate: '2026-12-31' };
    for (const year of [2022, 2027, 0, -1, 2024.5, Number.NaN]) expect(reportingPeriod(plan, year)).toBeNull();
  });

  it('counts a period as ended from the day after its end date', () => {
    const period = reportingPeriod({ startDate: '2024-03-15', endDate: '2027-09-30' }, 2027)!;
    expect(hasEnded(period, '2027-09-29')).toBe(false);
    expect(hasEnded(period, '2027-09-30')).toBe(false);
    expect(hasEnded(period, '2027-10-01')).toBe(true);
    expect(hasEnded(reportingPeriod({ startDate: '2024-01-01', endDate: '2027-12-31' }, 2024)!, '2025-01-01')).toBe(true);
  });
});
