/** A milestones row as the milestones repository reads it, with milestone_is_overdue() for today. */
export interface MilestoneRow {
  id: string;
  plan_id: string;
  title: string;
  due_date: string;
  completed_on: string | null;
  activity_id: string | null;
  goal_id: string | null;
  is_overdue: boolean;
}

/** The columns of a MilestoneRow from `milestones m`, with `today` a SQL expression (a `$n` parameter). */
export function milestoneColumns(today: string): string {
  return `m.id, m.plan_id, m.title, m.due_date, m.completed_on, m.activity_id, m.goal_id,
          milestone_is_overdue(m.completed_on, m.due_date, ${today}::date) AS is_overdue`;
}
