import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { readRows } from '../database/read-rows.js';
import { milestoneColumns, type MilestoneRow } from './milestone.row.js';

export interface NewMilestone {
  planId: string;
  title: string;
  dueDate: string;
  activityId: string | null;
  goalId: string | null;
  createdBy: string;
}

/** Milestones with isOverdue (milestone_is_overdue, the rule written once in SQL) for the given today. */
@Injectable()
export class MilestonesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Each plan's milestones by due date, then title. */
  ofPlans(planIds: readonly string[], today: string): Promise<MilestoneRow[]> {
    return readRows<MilestoneRow>(
      this.dataSource,
      `SELECT ${milestoneColumns('$2')} FROM milestones m WHERE m.plan_id = ANY($1::uuid[]) ORDER BY m.plan_id, m.due_date, m.title, m.id`,
      [[...planIds], today],
    );
  }

  async byId(id: string, today: string): Promise<MilestoneRow | null> {
    const [row] = await readRows<MilestoneRow>(this.dataSource, `SELECT ${milestoneColumns('$2')} FROM milestones m WHERE m.id = $1::uuid`, [
      id,
      today,
    ]);
    return row ?? null;
  }

  async insert(m: EntityManager, milestone: NewMilestone, today: string): Promise<MilestoneRow> {
    const [row]: MilestoneRow[] = await m.query(
      `INSERT INTO milestones AS m (plan_id, title, due_date, activity_id, goal_id, created_by)
       VALUES ($1::uuid, $2::text, $3::date, $4::uuid, $5::uuid, $6::uuid)
       RETURNING ${milestoneColumns('$7')}`,
      [milestone.planId, milestone.title, milestone.dueDate, milestone.activityId, milestone.goalId, milestone.createdBy, today],
    );
    return row;
  }

  /** Null when the milestone was completed meanwhile: completing is one conditional UPDATE. */
  async complete(m: EntityManager, id: string, completedOn: string, by: string, today: string): Promise<MilestoneRow | null> {
    const [rows]: [MilestoneRow[], number] = await m.query(
      `UPDATE milestones AS m SET completed_on = $2::date, completed_at = clock_timestamp(), completed_by = $3::uuid
        WHERE m.id = $1::uuid AND m.completed_on IS NULL
       RETURNING ${milestoneColumns('$4')}`,
      [id, completedOn, by, today],
    );
    return rows[0] ?? null;
  }
}
