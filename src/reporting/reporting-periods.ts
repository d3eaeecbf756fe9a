/**
 * docs/reporting.md, "Periods": one per calendar year Y from the year of the plan's
 * start to the year of its end, from the later of the plan's start and 1 January Y to the earlier of
 * its end and 31 December Y, due 30 June Y+1. Dates are 'YYYY-MM-DD' strings, which compare correctly
 * as strings. The database derives the same periods (view plan_reporting_periods); the service uses
 * these to check a year before it asks.
 */
export interface PeriodDates {
  year: number;
  startDate: string;
  endDate: string;
  dueDate: string;
}

export interface PlanDates {
  startDate: string;
  endDate: string;
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function isoYear(year: number): string {
  return String(year).padStart(4, '0');
}

/** The calendar years of a plan, oldest first. */
export function reportingYears(plan: PlanDates): number[] {
  const first = yearOf(plan.startDate);
  const last = yearOf(plan.endDate);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/** The period of `year`, or null when the year is not one of the plan's. */
export function reportingPeriod(plan: PlanDates, year: number): PeriodDates | null {
  if (!Number.isInteger(year) || year < yearOf(plan.startDate) || year > yearOf(plan.endDate)) return null;
  const january1 = `${isoYear(year)}-01-01`;
  const december31 = `${isoYear(year)}-12-31`;
  return {
    year,
    startDate: plan.startDate > january1 ? plan.startDate : january1,
    endDate: plan.endDate < december31 ? plan.endDate : december31,
    dueDate: `${isoYear(year + 1)}-06-30`,
  };
}

/** Every period of a plan, oldest first. */
export function reportingPeriods(plan: PlanDates): PeriodDates[] {
  return reportingYears(plan).map((year) => reportingPeriod(plan, year)!);
}

/** A period can be submitted once it has ended: today is after its end date. */
export function hasEnded(period: Pick<PeriodDates, 'endDate'>, today: string): boolean {
  return today > period.endDate;
}
