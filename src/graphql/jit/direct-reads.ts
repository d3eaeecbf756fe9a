import type { ExecutionResult, OperationDefinitionNode } from 'graphql';
import type { GraphQLContext } from '../graphql-context.js';

/** An operation as the executor has it, its variables already coerced by graphql-js. */
export interface DirectReadRequest {
  operation: OperationDefinitionNode;
  /** Apollo's hash of the query text: with the operation's name, the key of any compiled form. */
  queryHash: string;
  variables: Record<string, unknown>;
  context: GraphQLContext;
}

/**
 * A read that answers some operations whole, from one SQL statement, instead of resolving their
 * fields (src/plans/page/plan-page.reader.ts). Undefined means "not this one": the operation is
 * executed as usual, so every error case, and every selection it does not know, is the resolvers'.
 */
export interface DirectRead {
  execute(request: DirectReadRequest): Promise<ExecutionResult | undefined>;
}
