import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloDriver } from '@nestjs/apollo';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import { TokenService } from '../auth/token.service.js';
import type { AppConfig } from '../config/config.js';
import { formatError } from './format-error.js';
import type { GraphQLContext } from './graphql-context.js';
import { RequestLoaders } from './request-loaders.js';
import { sqlStatementsPlugin } from './sql-statements.plugin.js';

export function graphqlOptions(config: AppConfig, tokens: TokenService): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    path: '/graphql',
    // Outside production the schema is written to the repository root on every start, so the
    // committed schema.gql is always what the code declares.
    autoSchemaFile: config.production ? true : join(process.cwd(), 'schema.gql'),
    sortSchema: true,
    buildSchemaOptions: { dateScalarMode: 'isoDate' },
    playground: false,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    formatError,
    plugins: config.production ? [] : [sqlStatementsPlugin],
    context: ({ req, res }: { req: Request; res: Response }): GraphQLContext => {
      const header = req.headers.authorization;
      const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
      const auth = token ? (tokens.verify(token) ?? null) : null;
      return { req, res, auth, badToken: Boolean(header) && !auth, loaders: new RequestLoaders() };
    },
  };
}
