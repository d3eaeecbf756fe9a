import { catalogues, type Catalogues } from './factories/coordination.factory.js';
import { createActivity, createGoal, createIndicator, createPlan, link } from './factories/plan.factory.js';
import { createAreaSecretariat, createHousingOrganisation, createMunicipality, createPool, type PoolRef } from './factories/registry.factory.js';
import { userWithToken } from './factories/user.factory.js';
import type { GraphQLResponse } from './helpers/graphql-client.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * No N+1 on the area secretariat's page: its plans with their roll-ups and notes, the area's roll-up,
 * overlaps and shared indicators take as many SQL statements (X-SQL-Statements) for an area of two
 * plans with one overlap as for one of six plans with dozens of overlaps and shared indicators.
 */
const AREA_PAGE = `query AreaPage($id: ID!) {
  areaSecretariat(id: $id) {
    id name
    plans {
      id title status
      rollup {
        activityCount progress budget spent cofinancingShare cofinancingBelowMinimum
        goalsWithoutActivities { id title } activitiesWithoutGoals { id title } goalsWithoutIndicators { id title } staleActivities { id title }
        byResponsibleParty { responsibleParty activityCount budget spent progress staleCount }
      }
      coordinationNotes { id text createdAt author { id name } }
    }
    rollup {
      planCount activityCount lbfGrant localCofinancing budget spent progress
      byFocusArea { focusArea { id name } activityCount budget progress }
      byMunicipality { municipality { id name code } planCount lbfGrant progress }
      plansNeedingAttention { id title }
      byResponsibleParty { responsibleParty activityCount budget spent progress staleCount }
    }
    overlaps {
      activityType { id name } targetGroups { id name } overlapStart overlapEnd overlapDays
      activities { id title responsibleParty startDate endDate partners activityType { name } targetGroups { name } plan { id title } }
    }
    sharedIndicators { name unit indicators { id name unit goal { id title plan { id title } } } }
  }
}`;

let app: TestApp;
let admin: string;
let pool: PoolRef;
let cat: Catalogues;
const areas: Record<'small' | 'large', { id: string; token: string; planToken: string }> = {} as never;

const TYPES = ['Lektiecafé', 'Jobcafé', 'Værested', 'Mentorordning'];
const GROUPS = ['Børn 6-12 år', 'Unge 13-17 år', 'Unge 18-29 år', 'Forældre'];
const INDICATORS = ['Beboere der føler sig trygge', 'Andel unge i job', 'Fremmøde i lektiecaféen'];

async function inBatches<T, R>(items: T[], size: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map((item, i) => fn(item, start + i)))));
  }
  return results;
}
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** `plans` plans of `activities` typed activities each (every type in every plan overlaps), `indicators` indicators each. */
async function buildArea(plans: number, activities: number, indicators: number) {
  const { client } = app;
  const area = await createAreaSecretariat(client, admin);
  const municipality = await createMunicipality(client, admin);
  const housing = await createHousingOrganisation(client, admin);
  const refs = { poolId: pool.id, municipalityId: municipality.id, housingOrganisationIds: [housing.id], areaSecretariatId: area.id };
  const planIds = await inBatches(range(plans), 3, async (p) => {
    const plan = await createPlan(client, admin, refs, { title: `Plan ${p}` });
    const goal = await createGoal(client, admin, { planId: plan.id, kind: 'OVERALL', focusAreaId: pool.focusAreas[0].id });
    await inBatches(range(indicators), 5, (i) => createIndicator(client, admin, { goalId: goal.id, name: INDICATORS[i % INDICATORS.length], unit: '%' }));
    await inBatches(range(activities), 5, async (a) => {
      const activity = await createActivity(client, admin, {
        planId: plan.id,
        title: `Aktivitet ${p}.${a}`,
        activityTypeId: cat.type(TYPES[a % TYPES.length]),
        targetGroupIds: [cat.group(GROUPS[a % GROUPS.length]), cat.group(GROUPS[(a + 1) % GROUPS.length])],
        partners: [`Partner ${a}`],
        responsibleParty: ['HOUSING_ORGANISATION', 'MUNICIPALITY', 'JOINT', 'OTHER'][a % 4],
        focusAreaId: pool.focusAreas[a % pool.focusAreas.length].id,
        startDate: '2024-01-01',
        endDate: `2024-${String(1 + (a % 12)).padStart(2, '0')}-28`,
      });
      if (a % 3) await link(client, admin, { activityId: activity.id, goalId: goal.id });
    });
    return plan.id;
  });
  const areaUser = await userWithToken(client, admin, 'AREA_SECRETARIAT', { areaSecretariatId: area.id });
  const planUser = await userWithToken(client, admin, 'PROJECT_SECRETARIAT', { planId: planIds[0] });
  await inBatches(planIds, 3, (planId, i) =>
    inBatches(range(1 + (i % 3)), 3, (n) =>
      client.ok(`mutation($input: AddCoordinationNoteInput!) { addCoordinationNote(input: $input) { id } }`, { input: { planId, text: `Note ${n}` } }, areaUser.token),
    ),
  );
  return { id: area.id, token: areaUser.token, planToken: planUser.token };
}

beforeAll(async () => {
  app = await startTestApp();
  admin = app.adminToken;
  pool = await createPool(app.client, admin);
  cat = await catalogues(app.client, admin);
  areas.small = await buildArea(2, 1, 1);
  areas.large = await buildArea(6, 8, 3);
}, 180_000);
afterAll(() => app?.stop());

async function areaPage(id: string, token: string): Promise<GraphQLResponse> {
  const result = await app.client.warm(AREA_PAGE, { id }, token);
  if (result.errors?.length || !result.data) throw new Error(`area page failed: ${JSON.stringify(result.errors)}`);
  return result;
}

describe('the area secretariat’s page', () => {
  it('shows everything of the large area', async () => {
    const { areaSecretariat: a } = (await areaPage(areas.large.id, areas.large.token)).data!;
    expect(a.plans).toHaveLength(6);
    expect(a.rollup.planCount).toBe(6);
    // Each type is in every plan twice (activities a and a + 4); any two of different plans share a
    // target group and January 2024: (6 × 2)² pairs per type minus those within a plan, halved, × 4 types.
    expect(a.overlaps).toHaveLength(((12 * 12 - 6 * 2 * 2) / 2) * 4);
    expect(a.sharedIndicators.map((s: any) => [s.name, s.indicators.length])).toEqual([
      ['Andel unge i job', 6],
      ['Beboere der føler sig trygge', 6],
      ['Fremmøde i lektiecaféen', 6],
    ]);
    expect(a.plans.flatMap((p: any) => p.coordinationNotes)).toHaveLength(2 * (1 + 2 + 3));
    expect(a.rollup.byResponsibleParty.map((r: any) => r.activityCount)).toEqual([12, 12, 12, 12]);
  });

  it('takes as many SQL statements for a large area as for a small one', async () => {
    const small = await areaPage(areas.small.id, areas.small.token);
    const large = await areaPage(areas.large.id, areas.large.token);
    console.log(`area page SQL statements: small area ${small.statements}, large area ${large.statements}`);
    expect(small.data!.areaSecretariat.overlaps).toHaveLength(1);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
  });

  it('reads the overlaps’ activities with the plans’ own activities, in no statement of their own', async () => {
    const page = (overlapActivities: string) => `query ($id: ID!) {
      areaSecretariat(id: $id) {
        plans { rollup { activitiesWithoutGoals { id } staleActivities { id } } }
        overlaps { overlapDays ${overlapActivities} }
      }
    }`;
    const without = await app.client.warm(page(''), { id: areas.large.id }, areas.large.token);
    const withActivities = await app.client.warm(page('activities { id title }'), { id: areas.large.id }, areas.large.token);
    expect(withActivities.errors).toBeUndefined();
    expect(withActivities.data!.areaSecretariat.overlaps.length).toBeGreaterThan(10);
    expect(withActivities.statements).toBe(without.statements);
  });

  it('takes the same number for ADMIN, and a constant one for a plan’s own user', async () => {
    const small = await areaPage(areas.small.id, admin);
    expect((await areaPage(areas.large.id, admin)).statements).toBe(small.statements);
    const planSmall = await areaPage(areas.small.id, areas.small.planToken);
    const planLarge = await areaPage(areas.large.id, areas.large.planToken);
    expect(planLarge.data!.areaSecretariat.overlaps).toEqual([]);
    expect(planLarge.statements).toBe(planSmall.statements);
  });
});
