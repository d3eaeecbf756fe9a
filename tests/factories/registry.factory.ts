import type { GraphQLClient } from '../helpers/graphql-client.js';
import { unique } from './unique.js';

export interface PoolRef {
  id: string;
  focusAreas: { id: string; name: string }[];
}

export async function createPool(
  client: GraphQLClient,
  token: string,
  input: Partial<{ name: string; startYear: number; endYear: number; focusAreas: string[]; minCofinancingShare: number }> = {},
): Promise<PoolRef> {
  const data = await client.ok(
    `mutation($input: CreatePoolInput!) { createPool(input: $input) { id focusAreas { id name } } }`,
    {
      input: {
        name: unique('Pulje'),
        startYear: 2019,
        endYear: 2026,
        focusAreas: ['Uddannelse og livschancer', 'Beskæftigelse', 'Kriminalitetsforebyggelse og tryghed'],
        ...input,
      },
    },
    token,
  );
  return data.createPool;
}

export async function createMunicipality(client: GraphQLClient, token: string): Promise<{ id: string; code: string }> {
  // Codes are unique and only 900 exist: try until a free one is found.
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = String(100 + Math.floor(Math.random() * 900));
    const result = await client.request(
      `mutation($input: CreateMunicipalityInput!) { createMunicipality(input: $input) { id code } }`,
      { input: { name: unique('Kommune'), code } },
      token,
    );
    if (result.data) return result.data.createMunicipality;
    if (result.errors?.[0]?.extensions?.code !== 'CONFLICT') throw new Error(JSON.stringify(result.errors));
  }
  throw new Error('no free municipality code');
}

export async function createHousingOrganisation(client: GraphQLClient, token: string): Promise<{ id: string }> {
  const data = await client.ok(
    `mutation($input: CreateHousingOrganisationInput!) { createHousingOrganisation(input: $input) { id } }`,
    { input: { name: unique('Boligselskab') } },
    token,
  );
  return data.createHousingOrganisation;
}

export async function createAreaSecretariat(client: GraphQLClient, token: string): Promise<{ id: string }> {
  const data = await client.ok(
    `mutation($input: CreateAreaSecretariatInput!) { createAreaSecretariat(input: $input) { id } }`,
    { input: { name: unique('Områdesekretariat') } },
    token,
  );
  return data.createAreaSecretariat;
}
