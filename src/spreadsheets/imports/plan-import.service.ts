import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ActivityGoalLinkEntity } from '../../activities/activity-goal-link.entity.js';
import { ActivityEntity } from '../../activities/activity.entity.js';
import { AuditService, type AuditRecord } from '../../audit/audit.service.js';
import { AccessService } from '../../auth/access.service.js';
import type { AuthUser } from '../../auth/auth-user.js';
import type { GoalKind } from '../../common/enums.js';
import { GoalEntity } from '../../goals/goal.entity.js';
import { IndicatorEntity } from '../../indicators/indicator.entity.js';
import type { PlanEntity } from '../../plans/plan.entity.js';
import type { ImportContext, ImportPlan } from './import-plan.js';
import { IMPORT_LAYOUTS, validateImport } from './import-validator.js';
import type { ImportError } from './row-check.js';
import { readImportSheets } from './workbook-reader.js';
import { openWorkbookZip } from './zip-guard.js';

export interface ImportAnswer {
  ok: boolean;
  dryRun: boolean;
  created: { goals: number; indicators: number; activities: number; links: number };
  errors: ImportError[];
}

/** Rows per INSERT: far below PostgreSQL's 65,535 parameters for the widest table. */
const INSERT_CHUNK = 500;

/**
 * POST /imports/plans/{planId}: adds a workbook's goals, indicators, activities and links to a plan.
 * Access as for createGoal and the other content mutations (ADMIN and the plan's project
 * secretariat; NOT_FOUND outside scope, FORBIDDEN for its readers). The file is checked as a zip
 * (zip-guard.ts), read a row at a time (workbook-reader.ts) and validated whole (import-validator.ts).
 * A dry run stops there. An applied import locks the plan row, as goal tree changes do, validates
 * again against what the plan holds inside the same transaction, and inserts everything with one
 * audit event per object in that transaction: all of it or none.
 */
@Injectable()
export class PlanImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** Checked before the body is read. */
  editablePlan(auth: AuthUser, planId: string): Promise<PlanEntity> {
    return this.access.editablePlanContent(auth, planId);
  }

  async importWorkbook(auth: AuthUser, plan: PlanEntity, file: Buffer, dryRun: boolean): Promise<ImportAnswer> {
    const zip = await openWorkbookZip(file);
    let sheets;
    try {
      sheets = await readImportSheets(zip, IMPORT_LAYOUTS);
    } finally {
      zip.close();
    }
    if (dryRun) {
      const { errors, plan: changes } = validateImport(sheets, await this.context(this.dataSource.manager, plan), randomUUID);
      return answer(true, changes, errors);
    }
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT id FROM plans WHERE id = $1 FOR UPDATE', [plan.id]);
      const { errors, plan: changes } = validateImport(sheets, await this.context(m, plan), randomUUID);
      if (errors.length === 0) await this.apply(m, auth, plan, changes);
      return answer(false, changes, errors);
    });
  }

  private async context(m: EntityManager, plan: PlanEntity): Promise<ImportContext> {
    const [focusAreas, goals, activities, links] = await Promise.all([
      m.query(`SELECT id, name, pool_id AS "poolId" FROM focus_areas`) as Promise<{ id: string; name: string; poolId: string }[]>,
      m.query(`SELECT id, kind FROM goals WHERE plan_id = $1`, [plan.id]) as Promise<{ id: string; kind: GoalKind }[]>,
      m.query(`SELECT id FROM activities WHERE plan_id = $1`, [plan.id]) as Promise<{ id: string }[]>,
      m.query(`SELECT activity_id, goal_id FROM activity_goal_links WHERE plan_id = $1`, [plan.id]) as Promise<{ activity_id: string; goal_id: string }[]>,
    ]);
    return {
      plan: { id: plan.id, poolId: plan.poolId, startDate: plan.startDate, endDate: plan.endDate },
      focusAreas,
      goals: new Map(goals.map((g) => [g.id, g.kind])),
      activities: new Set(activities.map((a) => a.id)),
      links: new Set(links.map((l) => `${l.activity_id}:${l.goal_id}`)),
    };
  }

  private async apply(m: EntityManager, auth: AuthUser, plan: PlanEntity, changes: ImportPlan): Promise<void> {
    const by = { createdBy: auth.id };
    const goals = changes.goals.map((g) => ({ ...g, planId: plan.id, ...by, updatedBy: auth.id }));
    const indicators = changes.indicators.map((i) => ({ ...i, planId: plan.id, ...by }));
    const activities = changes.activities.map((a) => ({ ...a, planId: plan.id, version: 1, ...by, updatedBy: auth.id }));
    const links = changes.links.map((l) => ({ ...l, planId: plan.id, ...by }));
    await insertChunks(m, GoalEntity, goals);
    await insertChunks(m, IndicatorEntity, indicators);
    await insertChunks(m, ActivityEntity, activities);
    await insertChunks(m, ActivityGoalLinkEntity, links);
    const event = (entity: string, entityId: string, after: object): AuditRecord => ({ operation: 'importPlan', entity, entityId, planId: plan.id, after });
    await this.audit.recordMany(m, auth, [
      ...goals.map((g) => event('Goal', g.id, g)),
      ...indicators.map((i) => event('Indicator', i.id, i)),
      ...activities.map((a) => event('Activity', a.id, a)),
      ...links.map((l) => event('ActivityGoalLink', `${l.activityId}:${l.goalId}`, l)),
    ]);
  }
}

/**
 * Multi-row INSERTs of INSERT_CHUNK rows. Lists are ordered by created_at (then id), so each row's
 * created_at is the transaction's start plus its position in microseconds: the plan then lists the
 * imported objects in the order of the file, as it would had they been created one by one.
 */
async function insertChunks<T extends object>(m: EntityManager, entity: new () => T, rows: object[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const chunk = rows.slice(start, start + INSERT_CHUNK).map((row, i) => ({ ...row, createdAt: () => `now() + ${start + i} * interval '1 microsecond'` }));
    await m.createQueryBuilder().insert().into(entity).values(chunk as never).updateEntity(false).execute();
  }
}

function answer(dryRun: boolean, changes: ImportPlan, errors: ImportError[]): ImportAnswer {
  const ok = errors.length === 0;
  return {
    ok,
    dryRun,
    created: ok
      ? { goals: changes.goals.length, indicators: changes.indicators.length, activities: changes.activities.length, links: changes.links.length }
      : { goals: 0, indicators: 0, activities: 0, links: 0 },
    errors,
  };
}
