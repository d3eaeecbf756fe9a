import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import { bearerAuth } from '../auth/bearer-token.js';
import { TokenService } from '../auth/token.service.js';
import type { AppConfig } from '../config/config.js';
import { observabilityPlugin } from '../observability/graphql-observability.plugin.js';
import type { PlanPageReader } from '../plans/page/plan-page.reader.js';
import { formatError, withoutSuggestions } from './format-error.js';
import type { GraphQLContext } from './graphql-context.js';
import { JitApolloDriver, type JitApolloDriverConfig } from './jit/jit-apollo.driver.js';
import { queryLimitsPlugin } from './limits/query-limits.plugin.js';
import { stringifyResult } from './raw-json.js';
import { RequestLoaders } from './request-loaders.js';
import { sqlStatementsPlugin } from './sql-statements.plugin.js';

export const GRAPHQL_PATH = '/graphql';

export function graphqlOptions(config: AppConfig, tokens: TokenService, planPage: PlanPageReader): JitApolloDriverConfig {
  return {
    driver: JitApolloDriver,
    // Hot queries compiled by graphql-jit (src/graphql/jit/); GRAPHQL_JIT=off for graphql-js alone.
    jit: config.graphqlJit,
    // The plan page as one SQL statement (src/plans/page/); off with the JIT.
    directReads: [planPage],
    // Apollo's own serialisation, except that the plan page's JSON text goes out as it came (raw-json.ts).
    stringifyResult,
    path: GRAPHQL_PATH,
    // Outside production the schema is written to the repository root on every start, so the
    // committed schema.gql is always what the code declares.
    autoSchemaFile: config.production ? true : join(process.cwd(), 'schema.gql'),
    sortSchema: true,
    buildSchemaOptions: { dateScalarMode: 'isoDate' },
    playground: false,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // Not part of the API: a client sending a persisted-query hash gets a plain refusal.
    persistedQueries: false,
    allowBatchedHttpRequests: false,
    // Limits (docs/security.md): the parser stops at maxTokens; the plugin measures the rest.
    parseOptions: { maxTokens: config.queryLimits.maxTokens },
    hideSchemaDetailsFromClientErrors: config.production,
    formatError: config.production ? (formatted, error) => withoutSuggestions(formatError(formatted, error)) : formatError,
    // Nest would reset the status of any response with `data` to 200; a throttled login is a 429.
    preserveHttpStatusForExecutionErrors: false,
    plugins: [
      // No HTTP caching hints are given, and the default plugin wraps every field resolver to look for them.
      ApolloServerPluginCacheControlDisabled(),
      queryLimitsPlugin(config.queryLimits, { exemptIntrospection: !config.production }),
      ...(config.production ? [] : [sqlStatementsPlugin]),
      // The operation name, user id and error codes for the request's log line and metrics.
      observabilityPlugin,
    ],
    context: ({ req, res }: { req: Request; res: Response }): GraphQLContext => {
      const { auth, badToken } = bearerAuth(req.headers.authorization, tokens);
      return { req, res, auth, badToken, loaders: new RequestLoaders() };
    },
  };
}
