import { ON_TRACK_MARGIN, ON_TRACK_SLACK } from './rollup-rules.js';

/*
 * An indicator's attainment and status in SQL, as rollup-rules.ts states them, written once for
 * every statement that shows them: the roll-ups (rollup-sql.ts indicatorFiguresCte, as of today, from
 * the latest measurement kept on the indicator row) and the annual report
 * (reporting/annual-report.repository.ts, as of a period's end, from the latest measurement on or
 * before it). The indicator is alias `i`; where its latest measurement comes from is the caller's.
 * Double precision throughout, exactly as the unit-tested rules compute.
 */

/**
 * SQL expressions for the indicator's latest measurement (retracted ones never count): its value and
 * its date, both NULL when there is none.
 */
export interface LatestMeasurementSql {
  value: string;
  measuredOn: string;
}

/**
 * `CROSS JOIN LATERAL (…) calc` giving calc.attainment and calc.elapsed. `asOf` is the day the
 * elapsed share is measured to, a date expression: today for the roll-ups, a period's end for an
 * annual report. Without a baseline date the elapsed share is 1 (no start to measure from: hold the
 * indicator to its full target); a zero-length period counts as elapsed from its target date on.
 */
export function indicatorCalcJoin(latest: LatestMeasurementSql, asOf: string): string {
  return `CROSS JOIN LATERAL (
        SELECT
          CASE
            WHEN i.baseline IS NULL OR ${latest.measuredOn} IS NULL THEN NULL
            WHEN i.target = i.baseline THEN
              CASE WHEN (i.direction = 'INCREASE' AND ${latest.value} >= i.target)
                     OR (i.direction = 'DECREASE' AND ${latest.value} <= i.target)
                   THEN 1::float8 ELSE 0::float8 END
            ELSE least(1::float8, greatest(0::float8, (${latest.value} - i.baseline) / (i.target - i.baseline)))
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
export function indicatorStatusSql(latest: LatestMeasurementSql): string {
  return `CASE
             WHEN i.baseline IS NULL THEN 'NO_BASELINE'
             WHEN ${latest.measuredOn} IS NULL THEN 'NO_DATA'
             WHEN calc.attainment >= calc.elapsed - ${ON_TRACK_MARGIN}::float8 - ${ON_TRACK_SLACK}::float8 THEN 'ON_TRACK'
             ELSE 'OFF_TRACK'
           END`;
}
