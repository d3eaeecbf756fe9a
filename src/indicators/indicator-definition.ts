import type { IndicatorDirection } from '../common/enums.js';
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
 * createIndicator's rules, applied alike to a new indicator and to the result of an update, so that
 * no update can make an indicator that could not have been created. Each error names its field.
 */
export function indicatorDefinition(input: IndicatorDefinitionInput, planStartDate: string): IndicatorDefinition {
  const name = requireText('name', input.name);
  const unit = requireText('unit', input.unit, 50);
  const source = optionalText('source', input.source, 500) ?? null;
  const target = requireFinite('target', input.target);
  const baseline = input.baseline === null || input.baseline === undefined ? null : requireFinite('baseline', input.baseline);
  // Attainment is measured against the time from baseline to target: without a date, the plan's start.
  const baselineDate = input.baselineDate ?? (baseline === null ? null : planStartDate);
  if (baselineDate && input.targetDate < baselineDate) {
    throw new BadInputError('targetDate', `${input.targetDate} is before baselineDate ${baselineDate}`);
  }
  return { name, unit, source, baseline, baselineDate, target, targetDate: input.targetDate };
}
