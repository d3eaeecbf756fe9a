import { ON_TRACK_MARGIN, ON_TRACK_SLACK } from './rollup-rules.js';

/*
 * SQL building blocks. Each rule is written once, as a CTE, and every statement that needs it
 * splices it in. The fragments are constants of this file; only `$n` placeholders vary, so no
 * input ever reaches the SQL text.
 */

/**
 * `activity_figures`: per activity matching `where` (alias a), the figures of its latest progress
 * entry and whether it is stale. The latest entry is activities.latest_progress_id, which the app
 * keeps current on every log; a trigger copies that entry's percent, spend and date onto the
 * activity row (migration LatestProgressFigures), so no history is read here at all. Since the latest
 * entry has the greatest reported_on, "no entry reported on or after today − interval" is a test on
 * its reported_on alone.
 */
export function activityFiguresCte(where: string, today: string): string {
  return `
  activity_figures AS (
    SELECT a.id, a.plan_id, a.status, a.focus_area_id, a.budget, a.created_at, a.latest_progress_id,
           a.latest_percent_complete::float8 AS progress,
           coalesce(a.latest_spent, 0) AS spent,
           (a.status IN ('PLANNED', 'ACTIVE')
             AND a.start_date < ${today}::date
             AND (a.latest_reported_on IS NULL
                  OR a.latest_reported_on < ${today}::date - p.reporting_interval_days)) AS is_stale
    FROM activities a
    JOIN plans p ON p.id = a.plan_id
    WHERE ${where}
  )`;
}

/**
 * `indicator_figures`: per indicator matching `where` (alias i), its latest measurement, attainment
 * and status, in double precision exactly as rollup-rules.ts computes them. The latest measurement
 * is one backward scan of measurements_indicator_idx (indicator_id, measured_on, recorded_at) per
 * indicator, stopping after the first (measured_on, recorded_at); id only breaks exact ties.
 * Without a baseline date the elapsed share is 1 (no start to measure from: hold the indicator to its
 * full target). A zero-length period counts as elapsed from its target date on.
 */
export function indicatorFiguresCte(where: string, today: string): string {
  return `
  indicator_figures AS (
    SELECT i.id, i.goal_id, i.plan_id,
           latest.id AS latest_measurement_id,
           latest.value AS latest_value,
           latest.measured_on AS latest_measured_on,
           latest.note AS latest_note,
           latest.recorded_at AS latest_recorded_at,
           latest.recorded_by AS latest_recorded_by,
           calc.attainment,
           CASE
             WHEN i.baseline IS NULL THEN 'NO_BASELINE'
             WHEN latest.id IS NULL THEN 'NO_DATA'
             WHEN calc.attainment >= calc.elapsed - ${ON_TRACK_MARGIN}::float8 - ${ON_TRACK_SLACK}::float8 THEN 'ON_TRACK'
             ELSE 'OFF_TRACK'
           END AS status
    FROM indicators i
    LEFT JOIN LATERAL (
      SELECT m.id, m.value, m.measured_on, m.note, m.recorded_at, m.recorded_by
      FROM measurements m
      WHERE m.indicator_id = i.id
      ORDER BY m.measured_on DESC, m.recorded_at DESC, m.id DESC
      LIMIT 1
    ) latest ON true
    CROSS JOIN LATERAL (
      SELECT
        CASE
          WHEN i.baseline IS NULL OR latest.id IS NULL THEN NULL
          WHEN i.target = i.baseline THEN
            CASE WHEN (i.direction = 'INCREASE' AND latest.value >= i.target)
                   OR (i.direction = 'DECREASE' AND latest.value <= i.target)
                 THEN 1::float8 ELSE 0::float8 END
          ELSE least(1::float8, greatest(0::float8, (latest.value - i.baseline) / (i.target - i.baseline)))
        END AS attainment,
        CASE
          WHEN i.baseline_date IS NULL THEN 1::float8
          WHEN i.target_date = i.baseline_date THEN
            CASE WHEN ${today}::date >= i.target_date THEN 1::float8 ELSE 0::float8 END
          ELSE least(1::float8, greatest(0::float8,
                 (${today}::date - i.baseline_date)::float8 / (i.target_date - i.baseline_date)::float8))
        END AS elapsed
    ) calc
    WHERE ${where}
  )`;
}
