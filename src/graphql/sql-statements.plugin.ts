import type { ApolloServerPlugin } from '@apollo/server';
import { sqlStatementCounter } from '../database/sql-statement-counter.js';

/**
 * Outside production, every GraphQL response says how many SQL statements it took
 * (`X-SQL-Statements`): the tests and the benchmark read it to prove that nothing grows with the data.
 */
export const sqlStatementsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const store = sqlStatementCounter.getStore();
        if (store) response.http.headers.set('x-sql-statements', String(store.statements));
      },
    };
  },
};
