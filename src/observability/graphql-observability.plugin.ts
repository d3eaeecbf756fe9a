import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { ensureGraphQLFacts } from './request-facts.js';

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * Notes each GraphQL request's operation name and type, the caller's user id and the error codes
 * of its response, for the request's log line and the metrics (src/observability/). It changes nothing.
 */
export const observabilityPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart({ contextValue, request }) {
    const facts = ensureGraphQLFacts(contextValue.res);
    facts.userId = contextValue.auth?.id;
    // Until (and unless) the document resolves, the name the client sent, if it is a GraphQL name.
    if (request.operationName && GRAPHQL_NAME.test(request.operationName)) facts.operationName = request.operationName;
    return {
      async didResolveOperation({ operationName, operation }) {
        facts.operationName = operationName ?? 'anonymous';
        facts.operationType = operation?.operation;
      },
      async willSendResponse({ response, document }) {
        // A document that failed validation has no resolved operation: name it from the document.
        if (!facts.operationName && document) {
          const first = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
          if (first?.kind === Kind.OPERATION_DEFINITION) {
            facts.operationName = first.name?.value ?? 'anonymous';
            facts.operationType = first.operation;
          }
        }
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
        for (const error of errors ?? []) {
          const code = error.extensions?.code;
          facts.errorCodes.push(typeof code === 'string' && ERROR_CODE.test(code) ? code : 'UNKNOWN');
        }
      },
    };
  },
};
