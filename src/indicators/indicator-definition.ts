import { IndicatorDirection } from '../common/enums.js';
import { BadInputError } from '../common/errors.js';
import { optionalText, requireFinite, requireText } from '../common/validate.js';

/** The fields that define an indicator: what createIndicator sets and updateIndicator may change. */
export interface IndicatorDefinition {
  name: string;
  unit: string;
  source: string | null;
  baseline: number | null;
  baselineDate: string | null;
  target: number;
  targetDate: string;
}

/** The fields as given (create) or as they would be after an update; checked by indicatorDefinition. */
export interface IndicatorDefinitionInput {
  name: string;
  unit: string;
  direction: IndicatorDirection;
  source?: string | null;
  baseline?: number | null;
  baselineDate?: string | null;
  target: number;
  targetDate: string;
}

/** The fields updateIndicator compares, in the order a revision lists them. */
export const DEFINITION_FIELDS = ['name', 'unit', 'source', 'baseline', 'baselineDate', 'target', 'targetDate'] as const;

/**
 * The rules of an indicator's definition, applied alike by createIndicator, by updateIndicator to
 * the indicator as the update would leave it (so that no update can make an indicator that could not
 * have been created), and, rule by rule, by the spreadsheet import. Each error names its field.
 */
export function indicatorDefinition(input: IndicatorDefinitionInput, planStartDate: string): IndicatorDefinition {
  const name = requireText('name', input.name);
  const unit = requireText('unit', input.unit, 50);
  const source = optionalText('source', input.source, 500) ?? null;
  const target = requireFinite('target', input.target);
  const baseline = input.baseline === null || input.baseline === undefined ? null : requireFinite('baseline', input.baseline);
  requirePlausibleTarget({ direction: input.direction, baseline, target });
  const baselineDate = effectiveBaselineDate(input.baselineDate ?? null, baseline !== null, planStartDate);
  requireTargetDateAfterBaseline(baselineDate, input.targetDate);
  return { name, unit, source, baseline, baselineDate, target, targetDate: input.targetDate };
}

/**
 * A target on the wrong side of the baseline for the indicator's direction cannot be right: an
 * INCREASE indicator whose target is below its baseline (or a DECREASE one above it) would count
 * every step away from the target as attainment. A target equal to the baseline stays allowed
 * ("hold the level"). Without a baseline there is nothing to compare.
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

/** Attainment is measured against the time from baseline to target: without a baseline date, the plan's start. */
export function effectiveBaselineDate(baselineDate: string | null, hasBaseline: boolean, planStartDate: string): string | null {
  return baselineDate ?? (hasBaseline ? planStartDate : null);
}

export function requireTargetDateAfterBaseline(baselineDate: string | null, targetDate: string): void {
  if (baselineDate && targetDate < baselineDate) {
    throw new BadInputError('targetDate', `${targetDate} is before baselineDate ${baselineDate}`);
  }
}
