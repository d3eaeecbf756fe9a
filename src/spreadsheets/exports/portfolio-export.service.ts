import { Injectable } from '@nestjs/common';
import { ActivitiesLoaders } from '../../activities/activities.loaders.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { RequestLoaders } from '../../graphql/request-loaders.js';
import { RegistryLoaders } from '../../registry/registry.loaders.js';
import { RollupsExportReads } from '../../rollups/rollups-export-reads.js';
import { RollupsService, type ScopedPortfolio } from '../../rollups/rollups.service.js';
import { FOCUS_AREAS, MUNICIPALITIES, PLANS, PORTFOLIO_ACTIVITIES } from '../sheets/portfolio-sheets.js';
import type { WorkbookStream } from './workbook-writer.js';
import { PortfolioPlansRepository, readAhead } from './portfolio-plans.repository.js';

/**
 * The national (LBF) and area secretariat workbooks: Plans, FocusAreas, Municipalities, Activities.
 * Access and the portfolio figures come from RollupsService, exactly as nationalRollup and
 * AreaSecretariat.rollup compute them (the caller's scope is in its filter); the plans are then read
 * page by page in that same filter, each page's roll-ups and activity figures from the roll-up SQL
 * GraphQL uses (RollupsExportReads: planFigures' own CTEs, one statement a page), and written as
 * they come, so memory holds one page however many plans there are. Statements: the roll-up, the
 * plans needing attention, then per page of PLAN_PAGE_SIZE plans two (Plans) and three (Activities).
 */
@Injectable()
export class PortfolioExportService {
  constructor(
    private readonly rollups: RollupsService,
    private readonly figures: RollupsExportReads,
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
    const attention = this.rollups.plansNeedingAttention(portfolio);
    attention.catch(() => undefined); // awaited below, after the first page has been asked for
    const { today } = portfolio;
    const registry = new RequestLoaders();

    const plans = book.sheet(PLANS);
    const planPages = readAhead(this.plans.pages(portfolio.filter), async (page) => {
      const [figures, pools, municipalities] = await Promise.all([
        this.figures.planRollups(page.map((p) => p.id), today),
        this.registryLoaders.pool(registry).loadMany(page.map((p) => p.poolId)),
        this.registryLoaders.municipality(registry).loadMany(page.map((p) => p.municipalityId)),
      ]);
      return { page, figures, pools, municipalities };
    });
    for await (const { page, figures, pools, municipalities } of planPages) {
      const needsAttention = new Set(await attention);
      for (const [i, plan] of page.entries()) {
        const rollup = figures.get(plan.id);
        if (!rollup) continue; // a plan deleted between the two reads
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
    await attention;
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
    const activityPages = readAhead(this.plans.pages(portfolio.filter), async (page) => {
      const [byPlan, figures] = await Promise.all([
        this.activitiesLoaders.activitiesByPlan(new RequestLoaders()).loadMany(page.map((p) => p.id)),
        this.figures.activityFigures(page.map((p) => p.id), today),
      ]);
      const pageActivities = byPlan.flatMap((list, i) => (list instanceof Error ? [] : list.map((activity) => ({ activity, plan: page[i]! }))));
      const focusAreaIds = [...new Set(pageActivities.map(({ activity }) => activity.focusAreaId).filter((id): id is string => id !== null))];
      const areas = await this.registryLoaders.focusArea(registry).loadMany(focusAreaIds);
      const areaName = new Map(focusAreaIds.map((id, i) => [id, areas[i] instanceof Error ? null : (areas[i]?.name ?? null)]));
      return { pageActivities, figures, areaName };
    });
    for await (const { pageActivities, figures, areaName } of activityPages) {
      for (const { activity, plan } of pageActivities) {
        const figure = figures.get(activity.id);
        if (!figure) continue; // an activity created between the two reads
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
          progress: figure.progress,
          spent: figure.spent,
          isStale: figure.isStale,
        });
      }
    }
    activities.end();
  }
}
