import { GraphQLError } from 'graphql';

export type QueryLimitName = 'depth' | 'aliases' | 'cost' | 'tokens' | 'directives';

/** The variable that sets each limit, named in every refusal so an operator knows what to raise. */
export const LIMIT_VARIABLES: Record<QueryLimitName, string> = {
  depth: 'QUERY_MAX_DEPTH',
  aliases: 'QUERY_MAX_ALIASES',
  cost: 'QUERY_MAX_COST',
  tokens: 'QUERY_MAX_TOKENS',
  directives: 'QUERY_MAX_DIRECTIVES',
};

/**
 * A refused operation: `extensions.code` QUERY_TOO_COMPLEX, which limit, its maximum and (where it
 * was measured) the operation's value; HTTP 400, as for any request refused before execution.
 */
export function queryTooComplex(limit: QueryLimitName, maximum: number, actual: number | undefined, message: string): GraphQLError {
  return new GraphQLError(`${message} (${LIMIT_VARIABLES[limit]})`, {
    extensions: {
      code: 'QUERY_TOO_COMPLEX',
      limit,
      maximum,
      ...(actual === undefined ? {} : { actual }),
      http: { status: 400 },
    },
  });
}
