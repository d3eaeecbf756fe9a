import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
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
  // Apollo keeps a parsed document per query text, so a hot query's operation is the same object on every
  // request: its measures are kept with it unless they read a variable (a page size given as `$first`).
  const sizes = new WeakMap<OperationDefinitionNode, { aliases: number; directives: number; depth: number; cost: number }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const kept = sizes.get(operation);
          const { aliases, directives } = kept ?? countAliasesAndDirectives(document);
          if (aliases > limits.maxAliases) {
            const message = `Query uses ${aliases} aliases; at most ${limits.maxAliases} are allowed`;
            throw queryTooComplex('aliases', limits.maxAliases, aliases, message);
          }
          if (directives > limits.maxDirectives) {
            const message = `Query uses ${directives} directives; at most ${limits.maxDirectives} are allowed`;
            throw queryTooComplex('directives', limits.maxDirectives, directives, message);
          }
          let size = kept;
          if (!size) {
            const read = new Set<string>();
            const { depth, cost } = measureOperation(schema, document, operation, {
              defaultListSize: limits.defaultListSize,
              exemptIntrospection: options.exemptIntrospection,
              variables: recordingReads(request.variables ?? {}, read),
            });
            size = { aliases, directives, depth, cost };
            if (read.size === 0) sizes.set(operation, size);
          }
          const { depth, cost } = size;
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

/** The variables as they are, noting which names are looked up. */
function recordingReads(variables: Record<string, unknown>, read: Set<string>): Record<string, unknown> {
  return new Proxy(variables, {
    has(target, name) {
      if (typeof name === 'string') read.add(name);
      return name in target;
    },
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return target[name as string];
    },
  });
}
