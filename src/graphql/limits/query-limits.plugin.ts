import type { ApolloServerPlugin } from '@apollo/server';
import type { QueryLimits } from '../../config/config.js';
import { countAliasesAndDirectives, measureOperation } from './query-measure.js';
import { queryTooComplex } from './query-too-complex.error.js';

/**
 * Refuses an operation that asks for too much before any resolver runs (OWASP API4): aliases,
 * directives, depth and cost. The token limit is enforced by the parser itself (parseOptions in
 * graphql-options.ts), so a huge document is never built. This runs after validation, once the
 * operation and its variables are known: a page size given as a variable counts at its value.
 */
export function queryLimitsPlugin(limits: QueryLimits, options: { exemptIntrospection: boolean }): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const { aliases, directives } = countAliasesAndDirectives(document);
          if (aliases > limits.maxAliases) {
            const message = `Query uses ${aliases} aliases; at most ${limits.maxAliases} are allowed`;
            throw queryTooComplex('aliases', limits.maxAliases, aliases, message);
          }
          if (directives > limits.maxDirectives) {
            const message = `Query uses ${directives} directives; at most ${limits.maxDirectives} are allowed`;
            throw queryTooComplex('directives', limits.maxDirectives, directives, message);
          }
          const { depth, cost } = measureOperation(schema, document, operation, {
            defaultListSize: limits.defaultListSize,
            exemptIntrospection: options.exemptIntrospection,
            variables: request.variables,
          });
          if (depth > limits.maxDepth) {
            throw queryTooComplex('depth', limits.maxDepth, depth, `Query depth ${depth} exceeds the maximum of ${limits.maxDepth}`);
          }
          if (cost > limits.maxCost) {
            const measured = Number.isSafeInteger(cost) ? cost : undefined;
            const message =
              `Query cost ${measured ?? 'beyond measure'} exceeds the maximum of ${limits.maxCost}: ` +
              'ask for smaller pages (first) or fewer nested lists';
            throw queryTooComplex('cost', limits.maxCost, measured, message);
          }
        },
      };
    },
  };
}
