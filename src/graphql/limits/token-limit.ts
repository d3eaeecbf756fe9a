import type { GraphQLFormattedError } from 'graphql';
import { LIMIT_VARIABLES } from './query-too-complex.error.js';

// graphql-js 16 says "more that", 17 "more than".
const TOKEN_LIMIT = /Document contains more tha[nt] (\d+) tokens/;

/**
 * graphql-js enforces `parseOptions.maxTokens` by aborting the parse with a syntax error. It is a
 * limit like the others, so it answers like them: QUERY_TOO_COMPLEX, naming the limit (still HTTP 400).
 */
export function tokenLimitRefusal(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  if (formatted.extensions?.code !== 'GRAPHQL_PARSE_FAILED') return undefined;
  const match = TOKEN_LIMIT.exec(formatted.message);
  if (!match) return undefined;
  const maximum = Number(match[1]);
  return {
    message: `Query has more than ${maximum} tokens; at most ${maximum} are allowed (${LIMIT_VARIABLES.tokens})`,
    extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', maximum },
  };
}
