import { IndicatorDirection } from '../common/enums.js';
import { BadInputError } from '../common/errors.js';
import { requirePlausibleTarget } from './indicator-rules.js';

const { INCREASE, DECREASE } = IndicatorDirection;

function refusal(indicator: Parameters<typeof requirePlausibleTarget>[0]): string | null {
  try {
    requirePlausibleTarget(indicator);
    return null;
  } catch (error) {
    if (!(error instanceof BadInputError)) throw error;
    expect(error.field).toBe('target');
    return error.message;
  }
}

describe('requirePlausibleTarget', () => {
  it('refuses a target on the wrong side of the baseline for the direction, naming target', () => {
    expect(refusal({ direction: INCREASE, baseline: 40, target: 30 })).toBe('target: 30 is below the baseline 40, but the indicator is to INCREASE');
    expect(refusal({ direction: DECREASE, baseline: 24, target: 30 })).toBe('target: 30 is above the baseline 24, but the indicator is to DECREASE');
  });

  it('allows a target on the right side, one equal to the baseline, and any target without a baseline', () => {
    expect(refusal({ direction: INCREASE, baseline: 40, target: 60 })).toBeNull();
    expect(refusal({ direction: DECREASE, baseline: 24, target: 15 })).toBeNull();
    expect(refusal({ direction: INCREASE, baseline: 10, target: 10 })).toBeNull();
    expect(refusal({ direction: DECREASE, baseline: 10, target: 10 })).toBeNull();
    expect(refusal({ direction: INCREASE, baseline: null, target: -5 })).toBeNull();
    expect(refusal({ direction: INCREASE, baseline: -3, target: -1 })).toBeNull();
  });
});
