import type { ReactNode } from 'react';
import { Provider, type Client, type OperationResult } from 'urql';
import { fromValue, never } from 'wonka';

/**
 * A urql client whose mutations answer from a script, for component tests: each call records its
 * variables and gets the next answer. The browser tests use the real API.
 */
export function fakeClient(answers: Array<Partial<OperationResult>>) {
  const calls: Array<Record<string, unknown>> = [];
  const client = {
    executeMutation: (operation: { variables: Record<string, unknown> }) => {
      calls.push(operation.variables);
      const answer = answers.shift();
      if (!answer) throw new Error('no scripted answer left');
      return fromValue({ operation, stale: false, hasNext: false, ...answer });
    },
    executeQuery: () => never,
    executeSubscription: () => never,
  } as unknown as Client;
  const wrapper = ({ children }: { children: ReactNode }) => <Provider value={client}>{children}</Provider>;
  return { client, calls, wrapper };
}
