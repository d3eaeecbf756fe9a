import type { Response } from 'express';

/** What the GraphQL layer learns about a request, for its log line and its metrics (kept in res.locals). */
export interface GraphQLFacts {
  /** The operation's name; `anonymous` for an unnamed one. Undefined until the document resolved. */
  operationName?: string;
  operationType?: string;
  userId?: string;
  /** The `extensions.code` of each error in the response, in order. */
  errorCodes: string[];
}

const KEY = 'plansporGraphQL';

export function graphqlFactsOf(res: Response): GraphQLFacts | undefined {
  return res.locals?.[KEY] as GraphQLFacts | undefined;
}

export function ensureGraphQLFacts(res: Response): GraphQLFacts {
  res.locals[KEY] ??= { errorCodes: [] } satisfies GraphQLFacts;
  return res.locals[KEY] as GraphQLFacts;
}
