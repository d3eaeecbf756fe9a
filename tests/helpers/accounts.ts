import { createHash } from 'node:crypto';
import pg from 'pg';
import { userInput } from '../factories/inputs.js';
import type { GraphQLClient } from './graphql-client.js';

export const LOGIN_PAIR = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken refreshToken user { id role active } }
}`;
export const REFRESH = `mutation($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) { accessToken refreshToken user { id role } }
}`;
export const LOGOUT = 'mutation($refreshToken: String) { logout(refreshToken: $refreshToken) }';
export const UPDATE_USER = `mutation($input: UpdateUserInput!) {
  updateUser(input: $input) { id name role active plan { id } areaSecretariat { id } }
}`;
export const SET_PASSWORD = 'mutation($userId: ID!, $password: String!) { setUserPassword(userId: $userId, password: $password) }';
export const CHANGE_PASSWORD =
  'mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }';
export const ME = '{ me { id role plan { id } } }';

export interface Account {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

/** A user created by the ADMIN, signed in once: its access and refresh token. */
export async function account(client: GraphQLClient, admin: string, role: string, scope: Record<string, string> = {}): Promise<Account> {
  const input = userInput(role, scope);
  const created = await client.ok('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input }, admin);
  const { login } = await client.ok(LOGIN_PAIR, { email: input.email, password: input.password });
  return { id: created.createUser.id, email: input.email, password: input.password, accessToken: login.accessToken, refreshToken: login.refreshToken };
}

/** Straight SQL on the test database, for what no API shows (stored hashes, expiry). Never while a request runs. */
export async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
