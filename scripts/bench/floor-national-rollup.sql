-- W2's floor: the national roll-up of queries.ts (W2_NATIONAL) by focus area and municipality,
-- computed by hand in one statement. No parameters. Returns the answer as JSON shaped like
-- GraphQL's data.nationalRollup. Same rules as docs/rollups.md; the latest progress entry's figures
-- are on the activity row (activities.latest_*, kept by a trigger from latest_progress_id).
WITH groups AS (
  -- One pass over the activities: per plan and focus area, the sums every figure below is made of.
  -- Percentages are whole numbers, so their sums are exact and each mean is one division.
  SELECT a.plan_id, a.focus_area_id, count(*) AS n, sum(a.budget) AS budget,
         sum(coalesce(a.latest_spent, 0)) AS spent, sum(coalesce(a.latest_percent_complete, 0)) AS pct
  FROM activities a
  WHERE a.status <> 'CANCELLED'
  GROUP BY a.plan_id, a.focus_area_id
),
plan_totals AS (
  SELECT count(*)::int AS plan_count, coalesce(sum(lbf_grant), 0) AS lbf_grant, coalesce(sum(local_cofinancing), 0) AS local_cofinancing
  FROM plans
),
activity_totals AS (
  SELECT coalesce(sum(n), 0)::int AS activity_count, coalesce(sum(budget), 0) AS budget, coalesce(sum(spent), 0) AS spent,
         sum(pct)::float8 / nullif(sum(n), 0)::float8 AS progress
  FROM groups
),
by_focus_area AS (
  SELECT focus_area_id, sum(n)::int AS activity_count, sum(budget) AS budget, sum(pct)::float8 / sum(n)::float8 AS progress
  FROM groups WHERE focus_area_id IS NOT NULL GROUP BY focus_area_id
),
by_municipality_plans AS (
  SELECT municipality_id, count(*)::int AS plan_count, sum(lbf_grant) AS lbf_grant FROM plans GROUP BY municipality_id
),
by_municipality_activities AS (
  SELECT p.municipality_id, sum(g.pct)::float8 / sum(g.n)::float8 AS progress
  FROM groups g JOIN plans p ON p.id = g.plan_id GROUP BY p.municipality_id
)
SELECT json_build_object(
  'planCount', pt.plan_count, 'activityCount', at.activity_count,
  'lbfGrant', pt.lbf_grant, 'localCofinancing', pt.local_cofinancing,
  'budget', at.budget, 'spent', at.spent, 'progress', at.progress,
  'byFocusArea', (
    SELECT coalesce(json_agg(json_build_object(
      'focusArea', json_build_object('id', f.id, 'name', f.name, 'pool', json_build_object('name', po.name)),
      'activityCount', b.activity_count, 'budget', b.budget, 'progress', b.progress)
      ORDER BY po.start_year, po.name, f.position, f.id), '[]'::json)
    FROM by_focus_area b JOIN focus_areas f ON f.id = b.focus_area_id JOIN pools po ON po.id = f.pool_id),
  'byMunicipality', (
    SELECT coalesce(json_agg(json_build_object(
      'municipality', json_build_object('id', m.id, 'name', m.name, 'code', m.code),
      'planCount', mp.plan_count, 'lbfGrant', mp.lbf_grant, 'progress', ma.progress)
      ORDER BY m.code), '[]'::json)
    FROM by_municipality_plans mp
    JOIN municipalities m ON m.id = mp.municipality_id
    LEFT JOIN by_municipality_activities ma ON ma.municipality_id = mp.municipality_id)
) AS answer
FROM plan_totals pt CROSS JOIN activity_totals at
