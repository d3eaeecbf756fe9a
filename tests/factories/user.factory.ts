import type { GraphQLClient } from '../helpers/graphql-client.js';
import { unique } from './unique.js';

export type Role = 'ADMIN' | 'LBF' | 'AREA_SECRETARIAT' | 'PROJECT_SECRETARIAT' | 'BOARD_MEMBER';

/** Creates a user with the role (and scope) and returns its id and a fresh access token. */
export async function userWithToken(
  client: GraphQLClient,
  adminToken: string,
  role: Role,
  scope: { planId?: string; areaSecretariatId?: string } = {},
): Promise<{ id: string; token: string; email: string }> {
  const email = `${unique(role.toLowerCase()).replace(/\W+/g, '.')}@tests.planspor`;
  const password = 'a-long-test-password';
  const data = await client.ok(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    { input: { email, name: unique('Bruger'), password, role, ...scope } },
    adminToken,
  );
  return { id: data.createUser.id, token: await client.login(email, password), email };
}
