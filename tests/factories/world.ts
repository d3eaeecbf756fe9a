import type { GraphQLClient } from '../helpers/graphql-client.js';
import { createPlan } from './plan.factory.js';
import { createAreaSecretariat, createHousingOrganisation, createMunicipality, createPool, type PoolRef } from './registry.factory.js';
import { userWithToken } from './user.factory.js';

/**
 * Two plans and a token per role. Plan A belongs to the area secretariat; plan B does not, so every
 * scoped role has a foreign plan to be kept out of.
 */
export interface World {
  pool: PoolRef;
  municipalityId: string;
  housingOrganisationId: string;
  areaSecretariatId: string;
  planA: { id: string; title: string };
  planB: { id: string; title: string };
  tokens: { admin: string; lbf: string; area: string; projectA: string; boardA: string; projectB: string };
}

export async function buildWorld(client: GraphQLClient, adminToken: string): Promise<World> {
  const pool = await createPool(client, adminToken);
  const municipality = await createMunicipality(client, adminToken);
  const housingOrganisation = await createHousingOrganisation(client, adminToken);
  const areaSecretariat = await createAreaSecretariat(client, adminToken);
  const refs = { poolId: pool.id, municipalityId: municipality.id, housingOrganisationIds: [housingOrganisation.id] };
  const planA = await createPlan(client, adminToken, { ...refs, areaSecretariatId: areaSecretariat.id });
  const planB = await createPlan(client, adminToken, refs);
  const [lbf, area, projectA, boardA, projectB] = await Promise.all([
    userWithToken(client, adminToken, 'LBF'),
    userWithToken(client, adminToken, 'AREA_SECRETARIAT', { areaSecretariatId: areaSecretariat.id }),
    userWithToken(client, adminToken, 'PROJECT_SECRETARIAT', { planId: planA.id }),
    userWithToken(client, adminToken, 'BOARD_MEMBER', { planId: planA.id }),
    userWithToken(client, adminToken, 'PROJECT_SECRETARIAT', { planId: planB.id }),
  ]);
  return {
    pool,
    municipalityId: municipality.id,
    housingOrganisationId: housingOrganisation.id,
    areaSecretariatId: areaSecretariat.id,
    planA,
    planB,
    tokens: { admin: adminToken, lbf: lbf.token, area: area.token, projectA: projectA.token, boardA: boardA.token, projectB: projectB.token },
  };
}
