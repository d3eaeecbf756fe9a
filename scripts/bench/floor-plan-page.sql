-- W1's floor: the plan page of queries.ts (W1_PLAN_PAGE), computed by hand in one statement.
-- $1 = plan id, $2 = today (YYYY-MM-DD). Returns the answer as JSON shaped like GraphQL's data.plan.
-- Same rules as docs/rollups.md; the latest progress entry is activities.latest_progress_id.
WITH RECURSIVE
plan AS (
  SELECT p.*, po.name AS pool_name, po.min_cofinancing_share, m.name AS municipality_name, m.code AS municipality_code
  FROM plans p
  JOIN pools po ON po.id = p.pool_id
  JOIN municipalities m ON m.id = p.municipality_id
  WHERE p.id = $1::uuid
),
goal_rows AS (
  SELECT g.id, g.parent_id, g.kind, g.title, g.created_at FROM goals g WHERE g.plan_id = $1::uuid
),
tree (id, depth, path) AS (
  SELECT id, 0, ARRAY[id] FROM goal_rows WHERE parent_id IS NULL
  UNION ALL
  SELECT g.id, t.depth + 1, t.path || g.id FROM tree t JOIN goal_rows g ON g.parent_id = t.id
),
-- (root_id, goal_id): goal_id lies in root_id's subtree (itself included).
subtree AS (
  SELECT unnest(t.path) AS root_id, t.id AS goal_id FROM tree t
),
activity_rows AS (
  SELECT a.id, a.title, a.status, a.budget, a.created_at,
         a.latest_percent_complete::float8 AS progress,
         coalesce(a.latest_spent, 0) AS spent,
         (a.status IN ('PLANNED', 'ACTIVE')
           AND a.start_date < $2::date
           AND (a.latest_reported_on IS NULL OR a.latest_reported_on < $2::date - (SELECT reporting_interval_days FROM plan))) AS is_stale
  FROM activities a
  WHERE a.plan_id = $1::uuid
),
live AS (SELECT * FROM activity_rows WHERE status <> 'CANCELLED'),
link_rows AS (
  SELECT l.activity_id, l.goal_id, l.weight, l.created_at,
         l.weight::numeric AS w,
         sum(l.weight::numeric) OVER (PARTITION BY l.activity_id) AS w_total
  FROM activity_goal_links l
  WHERE l.plan_id = $1::uuid
),
served AS (
  SELECT s.root_id, lv.id, lv.progress, lv.budget, lv.spent, sum(l.w) AS w_sub, min(l.w_total) AS w_total
  FROM subtree s
  JOIN link_rows l ON l.goal_id = s.goal_id
  JOIN live lv ON lv.id = l.activity_id
  GROUP BY s.root_id, lv.id, lv.progress, lv.budget, lv.spent
),
goal_activity AS (
  SELECT root_id,
         count(*)::int AS activity_count,
         sum((w_sub / w_total)::float8 * coalesce(progress, 0)) / sum((w_sub / w_total)::float8) AS progress,
         round(sum(budget * w_sub / w_total)) AS budget,
         round(sum(spent * w_sub / w_total)) AS spent
  FROM served
  GROUP BY root_id
),
indicator_rows AS (
  SELECT i.id, i.goal_id, i.name, i.unit, i.direction, i.baseline, i.target, i.created_at,
         latest.value AS latest_value, latest.measured_on AS latest_measured_on, latest.id AS latest_id,
         calc.attainment,
         CASE
           WHEN i.baseline IS NULL THEN 'NO_BASELINE'
           WHEN latest.id IS NULL THEN 'NO_DATA'
           WHEN calc.attainment >= calc.elapsed - 0.15::float8 - 1e-9::float8 THEN 'ON_TRACK'
           ELSE 'OFF_TRACK'
         END AS status
  FROM indicators i
  LEFT JOIN LATERAL (
    SELECT m.id, m.value, m.measured_on FROM measurements m
    WHERE m.indicator_id = i.id AND m.retracted_at IS NULL
    ORDER BY m.measured_on DESC, m.recorded_at DESC, m.id DESC
    LIMIT 1
  ) latest ON true
  CROSS JOIN LATERAL (
    SELECT
      CASE
        WHEN i.baseline IS NULL OR latest.id IS NULL THEN NULL
        WHEN i.target = i.baseline THEN
          CASE WHEN (i.direction = 'INCREASE' AND latest.value >= i.target)
                 OR (i.direction = 'DECREASE' AND latest.value <= i.target) THEN 1::float8 ELSE 0::float8 END
        ELSE least(1::float8, greatest(0::float8, (latest.value - i.baseline) / (i.target - i.baseline)))
      END AS attainment,
      CASE
        WHEN i.baseline_date IS NULL THEN 1::float8
        WHEN i.target_date = i.baseline_date THEN CASE WHEN $2::date >= i.target_date THEN 1::float8 ELSE 0::float8 END
        ELSE least(1::float8, greatest(0::float8, ($2::date - i.baseline_date)::float8 / (i.target_date - i.baseline_date)::float8))
      END AS elapsed
  ) calc
  WHERE i.plan_id = $1::uuid
),
goal_indicators AS (
  SELECT s.root_id, count(*)::int AS indicator_count, (count(*) FILTER (WHERE i.status = 'ON_TRACK'))::int AS on_track
  FROM subtree s JOIN indicator_rows i ON i.goal_id = s.goal_id
  GROUP BY s.root_id
)
SELECT json_build_object(
  'id', p.id, 'title', p.title, 'status', p.status, 'startDate', p.start_date, 'endDate', p.end_date,
  'lbfGrant', p.lbf_grant, 'localCofinancing', p.local_cofinancing, 'reportingIntervalDays', p.reporting_interval_days,
  'pool', json_build_object('id', p.pool_id, 'name', p.pool_name, 'minCofinancingShare', p.min_cofinancing_share::float8),
  'municipality', json_build_object('id', p.municipality_id, 'name', p.municipality_name, 'code', p.municipality_code),
  'goals', (
    SELECT coalesce(json_agg(json_build_object(
      'id', g.id, 'kind', g.kind, 'title', g.title,
      'parent', CASE WHEN g.parent_id IS NULL THEN NULL ELSE json_build_object('id', g.parent_id) END,
      'rollup', json_build_object(
        'activityCount', coalesce(ga.activity_count, 0), 'progress', ga.progress,
        'budget', coalesce(ga.budget, 0), 'spent', coalesce(ga.spent, 0),
        'indicatorCount', coalesce(gi.indicator_count, 0), 'indicatorsOnTrack', coalesce(gi.on_track, 0)),
      'indicators', (
        SELECT coalesce(json_agg(json_build_object(
          'id', i.id, 'name', i.name, 'unit', i.unit, 'direction', i.direction, 'baseline', i.baseline,
          'target', i.target, 'attainment', i.attainment, 'status', i.status,
          'latest', CASE WHEN i.latest_id IS NULL THEN NULL
                         ELSE json_build_object('value', i.latest_value, 'measuredOn', i.latest_measured_on) END)
          ORDER BY i.created_at, i.id), '[]'::json)
        FROM indicator_rows i WHERE i.goal_id = g.id))
      ORDER BY t.depth, g.created_at, g.id), '[]'::json)
    FROM goal_rows g
    JOIN tree t ON t.id = g.id
    LEFT JOIN goal_activity ga ON ga.root_id = g.id
    LEFT JOIN goal_indicators gi ON gi.root_id = g.id),
  'activities', (
    SELECT coalesce(json_agg(json_build_object(
      'id', a.id, 'title', a.title, 'status', a.status, 'budget', a.budget, 'progress', a.progress,
      'spent', a.spent, 'isStale', a.is_stale,
      'links', (
        SELECT coalesce(json_agg(json_build_object(
          'goal', json_build_object('id', l.goal_id), 'weight', l.weight, 'share', (l.w / l.w_total)::float8)
          ORDER BY l.created_at, l.goal_id), '[]'::json)
        FROM link_rows l WHERE l.activity_id = a.id))
      ORDER BY a.created_at, a.id), '[]'::json)
    FROM activity_rows a),
  'rollup', (
    SELECT json_build_object(
      'activityCount', count(*)::int,
      'progress', avg(coalesce(lv.progress, 0)),
      'budget', coalesce(sum(lv.budget), 0),
      'spent', coalesce(sum(lv.spent), 0),
      'cofinancingShare', CASE WHEN p.lbf_grant + p.local_cofinancing = 0 THEN 0::float8
                               ELSE p.local_cofinancing::float8 / (p.lbf_grant + p.local_cofinancing)::float8 END,
      'cofinancingBelowMinimum', CASE WHEN p.lbf_grant + p.local_cofinancing = 0 THEN p.min_cofinancing_share > 0
                                      ELSE p.local_cofinancing < p.min_cofinancing_share * (p.lbf_grant + p.local_cofinancing) END,
      'goalsWithoutActivities', (
        SELECT coalesce(json_agg(json_build_object('id', g.id) ORDER BY t.depth, g.created_at, g.id), '[]'::json)
        FROM goal_rows g JOIN tree t ON t.id = g.id
        WHERE NOT EXISTS (SELECT 1 FROM served s WHERE s.root_id = g.id)),
      'activitiesWithoutGoals', (
        SELECT coalesce(json_agg(json_build_object('id', a.id) ORDER BY a.created_at, a.id), '[]'::json)
        FROM live a WHERE NOT EXISTS (SELECT 1 FROM link_rows l WHERE l.activity_id = a.id)),
      'goalsWithoutIndicators', (
        SELECT coalesce(json_agg(json_build_object('id', g.id) ORDER BY t.depth, g.created_at, g.id), '[]'::json)
        FROM goal_rows g JOIN tree t ON t.id = g.id
        WHERE NOT EXISTS (SELECT 1 FROM goal_indicators gi WHERE gi.root_id = g.id)),
      'staleActivities', (
        SELECT coalesce(json_agg(json_build_object('id', a.id) ORDER BY a.created_at, a.id), '[]'::json)
        FROM live a WHERE a.is_stale))
    FROM live lv)
) AS answer
FROM plan p
