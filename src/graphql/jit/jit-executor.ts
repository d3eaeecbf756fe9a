import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, type ExecutionResult, GraphQLError, type GraphQLSchema } from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import type { GraphQLContext } from '../graphql-context.js';
import { CompiledOperations, type JitMode } from './compiled-operations.js';
import type { DirectRead } from './direct-reads.js';

/**
 * Apollo calls a plugin's `willResolveField` only through graphql-js (it marks the request's context
 * with this symbol): a request so marked is executed by graphql-js, so such plugins keep working.
 */
const WILL_RESOLVE_FIELD = 'apolloServerExecutionDispatcherWillResolveField';

function wantsFieldHooks(context: object): boolean {
  return Object.getOwnPropertySymbols(context).some((symbol) => symbol.description === WILL_RESOLVE_FIELD);
}

/**
 * Executes hot queries with graphql-jit (the query compiled once into plain JavaScript that calls
 * the same resolvers with the same context), everything else with graphql-js, exactly as Apollo
 * would. Variables are coerced by graphql-js first, so a bad variable gets graphql-js's own error
 * (Apollo turns it into BAD_USER_INPUT and a 400 by its message and node), and no compiled code
 * runs on input graphql-js would refuse.
 *
 * Before either, each direct read (direct-reads.ts) may answer the whole operation from one SQL
 * statement; when none does, execution goes on as above.
 */
export function jitExecutor(mode: JitMode, directReads: readonly DirectRead[] = []): GatewayExecutor {
  const operations = new CompiledOperations(mode);
  return async ({ schema, document, operation, request, context, queryHash }) => {
    const variables = request.variables ?? {};
    // No operation when the document has several and none is named, or the name matches none: graphql-js
    // answers that with its own error, as Apollo would without this executor.
    if (!operation || wantsFieldHooks(context)) {
      return execute({ schema, document, contextValue: context, variableValues: variables, operationName: request.operationName });
    }
    const coerce = () => getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
    let coerced: ReturnType<typeof coerce> | undefined;
    if (directReads.length > 0 && operation.operation === 'query') {
      coerced = coerce();
      if (coerced.errors) return { errors: coerced.errors };
      for (const read of directReads) {
        const answer = await read.execute({ operation, queryHash, variables: coerced.coerced, context: context as GraphQLContext });
        if (answer) return answer;
      }
    }
    const compiled = operations.get(schema, document, operation, queryHash);
    if (!compiled) {
      return execute({ schema, document, contextValue: context, variableValues: variables, operationName: request.operationName });
    }
    coerced ??= coerce();
    if (coerced.errors) return { errors: coerced.errors };
    const result = (await compiled.query(undefined, context, variables)) as ExecutionResult;
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  };
}

/**
 * graphql-jit's errors are look-alikes (no `extensions` object when the cause had none, no `nodes`);
 * Apollo and formatError expect graphql-js's, so each becomes what graphql-js's `locatedError` makes:
 * the cause itself when it is a GraphQLError that already has a path, else a new one with the cause as
 * `originalError`, its extensions, the path and the locations.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const cause = error.originalError;
  if (cause instanceof GraphQLError && cause.path) return cause;
  const located = new GraphQLError(error.message, { path: error.path, originalError: cause, extensions: error.extensions });
  // graphql-js derives the locations from the field nodes; graphql-jit has already worked them out.
  (located as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return located;
}

/**
 * Apollo Server's hook for a custom executor is its gateway interface: a "gateway" that serves the
 * schema Nest built and executes with {@link jitExecutor}. Parsing, validation, the limits plugin,
 * formatError and every other plugin hook run as before; only the execute step changes.
 */
export function jitGateway(schema: GraphQLSchema, mode: JitMode, directReads: readonly DirectRead[] = []): GatewayInterface {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async load() {
      return { executor: jitExecutor(mode, directReads) };
    },
    async stop() {},
  };
}
