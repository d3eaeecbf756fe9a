import { Injectable } from '@nestjs/common';
import { ActivitiesLoaders } from '../../activities/activities.loaders.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { RequestLoaders } from '../../graphql/request-loaders.js';
import { RegistryLoaders } from '../../registry/registry.loaders.js';
import { RollupsLoaders } from '../../rollups/rollups.loaders.js';
import { RollupsService, type ScopedPortfolio } from '../../rollups/rollups.service.js';
import { FOCUS_AREAS, MUNICIPALITIES, PLANS, PORTFOLIO_ACTIVITIES } from '../sheets/portfolio-sheets.js';
import type { WorkbookStream } from './workbook-writer.js';
import { PortfolioPlansRepository } from './portfolio-plans.repository.js';

/**
 * The national (LBF) and area secretariat workbooks: Plans, FocusAreas, Municipalities, Activities.
 * Access and the portfolio figures come from RollupsService, exactly as nationalRollup and
 * AreaSecretariat.rollup compute them (the caller's scope is in its filter); the plans are then read
 * page by page in that same filter, each page's figures through the roll-up loaders GraphQL uses
 * (one statement a page), and written as they come, so memory holds one page however many plans
 * there are. Statements: the roll-up, the plans needing attention, and per pass a few per page.
 */
@Injectable()
export class PortfolioExportService {
  constructor(
    private readonly rollups: RollupsService,
    private readonly rollupsLoaders: RollupsLoaders,
    private readonly plans: PortfolioPlansRepository,
    private readonly activitiesLoaders: ActivitiesLoaders,
    private readonly registryLoaders: RegistryLoaders,
  ) {}

  /** ADMIN and LBF (FORBIDDEN otherwise); NOT_FOUND for an unknown pool. */
  national(auth: AuthUser, poolId: string | undefined): Promise<ScopedPortfolio> {
    return this.rollups.nationalRollup(auth, poolId);
  }

  /** NOT_FOUND for a secretariat the caller may not read; a plan's own users see only their plan in it. */
  areaSecretariat(auth: AuthUser, id: string): Promise<ScopedPortfolio> {
    return this.rollups.areaSecretariatRollup(auth, id);
  }

  async write(portfolio: ScopedPortfolio, book: WorkbookStream): Promise<void> {
    const needsAttention = new Set(await this.rollups.plansNeedingAttention(portfolio));
    const registry = new RequestLoaders();

    const plans = book.sheet(PLANS);
    for await (const page of this.plans.pages(portfolio.filter)) {
      const loaders = new RequestLoaders();
      const [figures, pools, municipalities] = await Promise.all([
        Promise.all(page.map((plan) => this.rollupsLoaders.planRollup(loaders, plan.id))),
        this.registryLoaders.pool(registry).loadMany(page.map((p) => p.poolId)),
        this.registryLoaders.municipality(registry).loadMany(page.map((p) => p.municipalityId)),
      ]);
      for (const [i, plan] of page.entries()) {
        const rollup = figures[i]!;
        const pool = pools[i];
        const municipality = municipalities[i];
        await plans.add({
          planId: plan.id,
          title: plan.title,
          pool: pool instanceof Error ? null : (pool?.name ?? null),
          municipality: municipality instanceof Error ? null : (municipality?.name ?? null),
          municipalityCode: municipality instanceof Error ? null : (municipality?.code ?? null),
          areaSecretariat: plan.areaSecretariat,
          status: plan.status,
          startDate: plan.startDate,
          endDate: plan.endDate,
          lbfGrant: plan.lbfGrant,
          localCofinancing: plan.localCofinancing,
          cofinancingShare: rollup.cofinancingShare,
          cofinancingBelowMinimum: rollup.cofinancingBelowMinimum,
          activityCount: rollup.activityCount,
          budget: rollup.budget,
          spent: rollup.spent,
          progress: rollup.progress,
          goalsWithoutActivities: rollup.goalsWithoutActivities.length,
          activitiesWithoutGoals: rollup.activitiesWithoutGoals.length,
          goalsWithoutIndicators: rollup.goalsWithoutIndicators.length,
          staleActivities: rollup.staleActivities.length,
          needsAttention: needsAttention.has(plan.id),
          // TODO(reporting, issue 9): the count of late reports, from annualReport's SQL once it lands.
          lateReports: null,
        });
      }
    }
    plans.end();

    const focusAreas = book.sheet(FOCUS_AREAS);
    const byFocusArea = portfolio.figures.byFocusArea;
    const areas = await this.registryLoaders.focusArea(registry).loadMany(byFocusArea.map((f) => f.focusAreaId));
    const areaPools = await this.registryLoaders.pool(registry).loadMany(areas.map((a) => (a instanceof Error || !a ? '' : a.poolId)));
    for (const [i, row] of byFocusArea.entries()) {
      const area = areas[i];
      const pool = areaPools[i];
      await focusAreas.add({
        focusAreaId: row.focusAreaId,
        focusArea: area instanceof Error ? null : (area?.name ?? null),
        pool: pool instanceof Error ? null : (pool?.name ?? null),
        activityCount: row.activityCount,
        budget: row.budget,
        progress: row.progress,
      });
    }
    focusAreas.end();

    const municipalitiesSheet = book.sheet(MUNICIPALITIES);
    const byMunicipality = portfolio.figures.byMunicipality;
    const municipalities = await this.registryLoaders.municipality(registry).loadMany(byMunicipality.map((m) => m.municipalityId));
    for (const [i, row] of byMunicipality.entries()) {
      const municipality = municipalities[i];
      await municipalitiesSheet.add({
        municipalityId: row.municipalityId,
        municipality: municipality instanceof Error ? null : (municipality?.name ?? null),
        code: municipality instanceof Error ? null : (municipality?.code ?? null),
        planCount: row.planCount,
        lbfGrant: row.lbfGrant,
        progress: row.progress,
      });
    }
    municipalitiesSheet.end();

    const activities = book.sheet(PORTFOLIO_ACTIVITIES);
    for await (const page of this.plans.pages(portfolio.filter)) {
      const loaders = new RequestLoaders();
      const byPlan = await this.activitiesLoaders.activitiesByPlan(loaders).loadMany(page.map((p) => p.id));
      const pageActivities = byPlan.flatMap((list, i) => (list instanceof Error ? [] : list.map((activity) => ({ activity, plan: page[i]! }))));
      const focusAreaIds = [...new Set(pageActivities.map(({ activity }) => activity.focusAreaId).filter((id): id is string => id !== null))];
      const [figures, pageAreas] = await Promise.all([
        Promise.all(pageActivities.map(({ activity }) => this.rollupsLoaders.activityFigures(loaders, activity))),
        this.registryLoaders.focusArea(registry).loadMany(focusAreaIds),
      ]);
      const areaName = new Map(focusAreaIds.map((id, i) => [id, pageAreas[i] instanceof Error ? null : (pageAreas[i]?.name ?? null)]));
      for (const [i, { activity, plan }] of pageActivities.entries()) {
        await activities.add({
          activityId: activity.id,
          planId: plan.id,
          plan: plan.title,
          title: activity.title,
          status: activity.status,
          responsibleParty: activity.responsibleParty,
          focusArea: activity.focusAreaId ? (areaName.get(activity.focusAreaId) ?? null) : null,
          startDate: activity.startDate,
          endDate: activity.endDate,
          budget: activity.budget,
          progress: figures[i]!.progress,
          spent: figures[i]!.spent,
          isStale: figures[i]!.isStale,
        });
      }
    }
    activities.end();
  }
}
