import type { GraphQLErrorBody, GraphQLResponse } from './graphql-client.js';

/**
 * Asserts that a request was refused with `code` and returned no data; with `field`, that the
 * message or `extensions.field` names it (docs/api.md: BAD_USER_INPUT names the field). Returns the error.
 */
export function expectError(result: GraphQLResponse, code: string, field?: string): GraphQLErrorBody {
  const error = result.errors?.[0];
  if (error?.extensions?.code !== code || result.data !== null) {
    // The whole answer, so that a failure shows what the app said instead.
    throw new Error(`expected ${code}${field ? ` naming ${field}` : ''}, got ${JSON.stringify(result.errors ?? result.data)}`);
  }
  expect(error.extensions.code).toBe(code);
  if (field) expect(`${error.message} [field: ${error.extensions.field ?? '-'}]`).toContain(field);
  return error;
}
