-- W3's floor: logProgress as one statement (one round trip, no BEGIN/COMMIT of its own): lock the
-- activity, honour the idempotency key, append the entry and write the audit row. The latest-progress
-- pointer is moved by the statement trigger on progress_entries (migration LatestProgressOnInsert),
-- for the floor as for the app.
-- $1 activity id, $2 reported_on, $3 percent_complete, $4 spent, $5 note, $6 idempotency key, $7 user id.
-- Returns the entry's id as `answer`. (The app's version also checks access and validates input first.)
WITH activity AS (
  SELECT a.id, a.plan_id, a.status FROM activities a
  WHERE a.id = $1::uuid AND a.status <> 'CANCELLED'
  FOR UPDATE
),
previous AS (
  SELECT e.id FROM progress_entries e WHERE e.activity_id = $1::uuid AND e.idempotency_key = $6::text
),
inserted AS (
  INSERT INTO progress_entries (plan_id, activity_id, reported_on, percent_complete, status, spent, note, idempotency_key, logged_by)
  SELECT a.plan_id, a.id, $2::date, $3::int, a.status, $4::bigint, $5::text, $6::text, $7::uuid
  FROM activity a
  WHERE NOT EXISTS (SELECT 1 FROM previous)
  ON CONFLICT (activity_id, idempotency_key) DO NOTHING
  RETURNING *
)
-- audit:begin
, audit AS (
  INSERT INTO audit_events (actor_id, operation, entity, entity_id, plan_id, after)
  SELECT $7::uuid, 'logProgress', 'ProgressEntry', i.id::text, i.plan_id,
         jsonb_build_object('id', i.id, 'planId', i.plan_id, 'activityId', i.activity_id, 'reportedOn', i.reported_on,
                            'percentComplete', i.percent_complete, 'status', i.status, 'spent', i.spent::text,
                            'note', i.note, 'idempotencyKey', i.idempotency_key, 'loggedBy', i.logged_by, 'loggedAt', i.logged_at)
  FROM inserted i
)
-- audit:end
SELECT coalesce((SELECT id FROM inserted), (SELECT id FROM previous)) AS answer
