import { IndicatorDirection } from '../common/enums.js';
import { BadInputError } from '../common/errors.js';

/**
 * A target on the wrong side of the baseline for the indicator's direction cannot be right: an
 * INCREASE indicator whose target is below its baseline (or a DECREASE one above it) would count
 * every step away from the target as attainment. A target equal to the baseline stays allowed
 * ("hold the level"). Without a baseline there is nothing to compare. For createIndicator and for
 * any change of baseline or target (the reporting issue's updateIndicator checks its result here).
 */
export function requirePlausibleTarget(indicator: { direction: IndicatorDirection; baseline: number | null; target: number }): void {
  const { direction, baseline, target } = indicator;
  if (baseline === null) return;
  if (direction === IndicatorDirection.INCREASE && target < baseline) {
    throw new BadInputError('target', `${target} is below the baseline ${baseline}, but the indicator is to INCREASE`);
  }
  if (direction === IndicatorDirection.DECREASE && target > baseline) {
    throw new BadInputError('target', `${target} is above the baseline ${baseline}, but the indicator is to DECREASE`);
  }
}
