import { Injectable } from '@nestjs/common';
import { ActivitiesLoaders } from '../../activities/activities.loaders.js';
import type { ActivityEntity } from '../../activities/activity.entity.js';
import { AccessService } from '../../auth/access.service.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { GoalsLoaders } from '../../goals/goals.loaders.js';
import { RequestLoaders } from '../../graphql/request-loaders.js';
import { IndicatorsLoaders } from '../../indicators/indicators.loaders.js';
import type { PlanEntity } from '../../plans/plan.entity.js';
import { ProgressLoaders } from '../../progress/progress.loaders.js';
import { RegistryLoaders } from '../../registry/registry.loaders.js';
import { RollupsLoaders } from '../../rollups/rollups.loaders.js';
import { ACTIVITIES, GOALS, INDICATORS, LINKS, MEASUREMENTS, PROGRESS_ENTRIES } from '../sheets/plan-sheets.js';
import type { SheetLayout, SheetRow } from '../sheets/sheet-layout.js';

/** A sheet and its rows, in the order they are written. */
export interface SheetData {
  layout: SheetLayout;
  rows: SheetRow[];
}

export interface PlanSheets {
  plan: PlanEntity;
  sheets: SheetData[];
}

/**
 * The plan workbook's rows, read through the very loaders the GraphQL resolvers use (goals,
 * indicators, activities, links with their shares, measurements, progress entries, and the figures
 * of rollups/ in one statement), so every figure is what GraphQL answers. One plan is bounded (tens
 * of goals, hundreds of activities), so its rows are read whole: a constant nine or so statements.
 * Order as GraphQL gives it: goals roots first, each goal's indicators, activities by creation,
 * each activity's links, measurements and entries oldest first.
 */
@Injectable()
export class PlanExportService {
  constructor(
    private readonly access: AccessService,
    private readonly goalsLoaders: GoalsLoaders,
    private readonly indicatorsLoaders: IndicatorsLoaders,
    private readonly activitiesLoaders: ActivitiesLoaders,
    private readonly progressLoaders: ProgressLoaders,
    private readonly registryLoaders: RegistryLoaders,
    private readonly rollupsLoaders: RollupsLoaders,
  ) {}

  async planSheets(auth: AuthUser, planId: string): Promise<PlanSheets> {
    const plan = await this.access.readablePlan(auth, planId);
    const loaders = new RequestLoaders();
    const [goals, activities] = await Promise.all([
      this.goalsLoaders.goalsByPlan(loaders).load(plan.id),
      this.activitiesLoaders.activitiesByPlan(loaders).load(plan.id),
    ]);
    const focusAreaIds = [...new Set([...goals, ...activities].map((o) => o.focusAreaId).filter((id): id is string => id !== null))];
    const [indicatorsByGoal, links, entries, goalFigures, activityFigures, focusAreas] = await Promise.all([
      Promise.all(goals.map((goal) => this.indicatorsLoaders.indicatorsOfGoal(loaders, goal))),
      Promise.all(activities.map((activity) => this.activitiesLoaders.linksOfActivity(loaders, activity))),
      this.progressLoaders.entriesByActivity(loaders).loadMany(activities.map((a) => a.id)),
      Promise.all(goals.map((goal) => this.rollupsLoaders.goalRollup(loaders, goal))),
      Promise.all(activities.map((activity) => this.rollupsLoaders.activityFigures(loaders, activity))),
      this.registryLoaders.focusArea(loaders).loadMany(focusAreaIds),
    ]);
    const indicators = indicatorsByGoal.flat();
    const [measurements, indicatorFigures] = await Promise.all([
      this.indicatorsLoaders.measurementsByIndicator(loaders).loadMany(indicators.map((i) => i.id)),
      Promise.all(indicators.map((indicator) => this.rollupsLoaders.indicatorFigures(loaders, indicator))),
    ]);
    const focusAreaName = new Map(focusAreaIds.map((id, i) => [id, unwrap(focusAreas[i])?.name ?? null]));
    const nameOf = (id: string | null) => (id ? (focusAreaName.get(id) ?? null) : null);

    const goalRows: SheetRow[] = goals.map((goal, i) => ({
      ref: goal.id,
      parentRef: goal.parentId,
      kind: goal.kind,
      title: goal.title,
      description: goal.description,
      focusArea: nameOf(goal.focusAreaId),
      progress: goalFigures[i]!.progress,
      budget: goalFigures[i]!.budget,
      spent: goalFigures[i]!.spent,
    }));
    const indicatorRows: SheetRow[] = indicators.map((indicator, i) => {
      const figures = indicatorFigures[i]!;
      return {
        ref: indicator.id,
        goalRef: indicator.goalId,
        name: indicator.name,
        unit: indicator.unit,
        direction: indicator.direction,
        source: indicator.source,
        baseline: indicator.baseline,
        baselineDate: indicator.baselineDate,
        target: indicator.target,
        targetDate: indicator.targetDate,
        latestValue: figures.latest?.value ?? null,
        latestMeasuredOn: figures.latest?.measuredOn ?? null,
        attainment: figures.attainment,
        status: figures.status,
      };
    });
    const measurementRows: SheetRow[] = measurements.flatMap((list) =>
      unwrap(list)!.map((m) => ({ indicatorRef: m.indicatorId, measuredOn: m.measuredOn, value: m.value, note: m.note })),
    );
    const activityRows: SheetRow[] = activities.map((activity: ActivityEntity, i) => ({
      ref: activity.id,
      title: activity.title,
      description: activity.description,
      targetGroup: activity.targetGroup,
      responsibleParty: activity.responsibleParty,
      focusArea: nameOf(activity.focusAreaId),
      startDate: activity.startDate,
      endDate: activity.endDate,
      budget: activity.budget,
      status: activity.status,
      progress: activityFigures[i]!.progress,
      spent: activityFigures[i]!.spent,
      isStale: activityFigures[i]!.isStale,
    }));
    const linkRows: SheetRow[] = links.flat().map((l) => ({
      activityRef: l.activityId,
      goalRef: l.goalId,
      weight: l.weight,
      share: l.share,
      rationale: l.rationale,
    }));
    const entryRows: SheetRow[] = entries.flatMap((list) =>
      unwrap(list)!.map((e) => ({
        activityRef: e.activityId,
        reportedOn: e.reportedOn,
        percentComplete: e.percentComplete,
        status: e.status,
        participantsReached: e.participantsReached,
        spent: e.spent,
        note: e.note,
        loggedAt: e.loggedAt,
      })),
    );
    return {
      plan,
      sheets: [
        { layout: GOALS, rows: goalRows },
        { layout: INDICATORS, rows: indicatorRows },
        { layout: MEASUREMENTS, rows: measurementRows },
        { layout: ACTIVITIES, rows: activityRows },
        { layout: LINKS, rows: linkRows },
        { layout: PROGRESS_ENTRIES, rows: entryRows },
      ],
    };
  }
}

/** A DataLoader loadMany result: an error stays an error. */
function unwrap<T>(value: T | Error): T {
  if (value instanceof Error) throw value;
  return value;
}
