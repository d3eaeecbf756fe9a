import { ON_TRACK_MARGIN, ON_TRACK_SLACK } from './rollup-rules.js';

/*
 * An indicator's attainment and status in SQL, as rollup-rules.ts states them, for a statement that
 * has the indicator as alias `i` and its latest measurement as alias `latest` (a LEFT JOIN LATERAL
 * with `value` and `measured_on`, all NULL without a measurement). `asOf` is the day the elapsed share
 * is measured to: today for the roll-ups, a period's end for an annual report. Double precision
 * throughout, exactly as the unit-tested rules compute. (rollups.repository.ts's indicatorFiguresCte
 * writes the same expressions inline; it can take these instead.)
 */

/** `CROSS JOIN LATERAL (…) calc` giving calc.attainment and calc.elapsed. */
export function indicatorCalcJoin(asOf: string): string {
  return `CROSS JOIN LATERAL (
        SELECT
          CASE
            WHEN i.baseline IS NULL OR latest.measured_on IS NULL THEN NULL
            WHEN i.target = i.baseline THEN
              CASE WHEN (i.direction = 'INCREASE' AND latest.value >= i.target)
                     OR (i.direction = 'DECREASE' AND latest.value <= i.target)
                   THEN 1::float8 ELSE 0::float8 END
            ELSE least(1::float8, greatest(0::float8, (latest.value - i.baseline) / (i.target - i.baseline)))
          END AS attainment,
          CASE
            WHEN i.baseline_date IS NULL THEN 1::float8
            WHEN i.target_date = i.baseline_date THEN
              CASE WHEN ${asOf} >= i.target_date THEN 1::float8 ELSE 0::float8 END
            ELSE least(1::float8, greatest(0::float8,
                   (${asOf} - i.baseline_date)::float8 / (i.target_date - i.baseline_date)::float8))
          END AS elapsed
      ) calc`;
}

/** The status, from calc.attainment and calc.elapsed: NO_BASELINE, NO_DATA, ON_TRACK or OFF_TRACK. */
export const INDICATOR_STATUS = `CASE
             WHEN i.baseline IS NULL THEN 'NO_BASELINE'
             WHEN latest.measured_on IS NULL THEN 'NO_DATA'
             WHEN calc.attainment >= calc.elapsed - ${ON_TRACK_MARGIN}::float8 - ${ON_TRACK_SLACK}::float8 THEN 'ON_TRACK'
             ELSE 'OFF_TRACK'
           END`;
