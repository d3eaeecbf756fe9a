import type { PlanRefs } from './plan.factory.js';
import { unique } from './unique.js';

/**
 * Valid inputs, to vary one field at a time in validation and access tests; the factories
 * (plan.factory.ts) send these same inputs and return only ids.
 */
export function planInput(refs: PlanRefs, overrides: Record<string, unknown> = {}) {
  return {
    title: unique('Helhedsplan'),
    housingAreas: ['Afdeling 1'],
    startDate: '2023-01-01',
    endDate: '2026-12-31',
    lbfGrant: 10_000_000,
    localCofinancing: 4_000_000,
    status: 'ACTIVE',
    ...refs,
    ...overrides,
  };
}

export function activityInput(planId: string, overrides: Record<string, unknown> = {}) {
  return {
    planId,
    title: unique('Aktivitet'),
    responsibleParty: 'JOINT',
    startDate: '2023-02-01',
    endDate: '2026-06-30',
    budget: 500_000,
    ...overrides,
  };
}

export function indicatorInput(goalId: string, overrides: Record<string, unknown> = {}) {
  return {
    goalId,
    name: unique('Indikator'),
    unit: '%',
    direction: 'INCREASE',
    baseline: 40,
    baselineDate: '2023-01-01',
    target: 60,
    targetDate: '2026-12-31',
    ...overrides,
  };
}

export function poolInput(overrides: Record<string, unknown> = {}) {
  return { name: unique('Pulje'), startYear: 2019, endYear: 2026, focusAreas: ['Beskæftigelse', 'Tryghed'], ...overrides };
}

export function userInput(role: string, overrides: Record<string, unknown> = {}) {
  return {
    email: `${unique(role.toLowerCase()).replace(/\W+/g, '.')}@tests.planspor`,
    name: unique('Bruger'),
    password: 'a-long-test-password',
    role,
    ...overrides,
  };
}
