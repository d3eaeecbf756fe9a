import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Logger } from '@nestjs/common';
import { DomainError } from '../common/errors.js';
import { tokenLimitRefusal } from './limits/token-limit.js';
import { ScalarInputError } from './scalars/scalar-input.error.js';

const logger = new Logger('GraphQL');

// Apollo's own codes for requests it refused before any resolver ran: passed through as they are.
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'QUERY_TOO_COMPLEX',
]);

// PostgreSQL errors that mean "the input was wrong", if a service check ever let one through.
const PG_BAD_INPUT = new Set(['22P02', '22003', '22007', '22008', '23514', '22001', '23502', '23503', '22021', '22P05']);
// The server is gone, restarting, overloaded, timed out, or (after a failover) read-only.
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006', '57014', '25006']);
// TypeORM's names for "the connection died between two statements of a transaction".
const RELEASED_RUNNER = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/** The one place where errors become `extensions.code`. Nothing internal leaks to clients. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error) as Error & { code?: string; driverError?: { code?: string } };
  const path = formatted.path ? { path: formatted.path } : {};
  if (original instanceof DomainError) {
    return { message: original.message, locations: formatted.locations, ...path, extensions: { code: original.code, ...original.details } };
  }
  const tokenLimit = tokenLimitRefusal(formatted);
  if (tokenLimit) return tokenLimit;
  const literal = formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' ? badScalarLiteral(error) : undefined;
  if (literal) return literal;
  const code = formatted.extensions?.code as string | undefined;
  if (code && CLIENT_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const pgCode = original?.driverError?.code ?? original?.code;
  if (pgCode && PG_BAD_INPUT.has(pgCode)) {
    // The service checks name the field; this is the net below them, so it says little on purpose.
    return { message: 'Invalid input: a value cannot be stored as given', locations: formatted.locations, ...path, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (/^Too many errors processing variables/.test(formatted.message)) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (pgCode === '23505') {
    return { message: 'Conflicts with an existing record', locations: formatted.locations, ...path, extensions: { code: 'CONFLICT' } };
  }
  if (isDatabaseUnavailable(original, pgCode)) {
    return {
      message: 'The database is unavailable; try again shortly',
      locations: formatted.locations,
      ...path,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  logger.error(original?.stack ?? String(original));
  return { message: 'Internal server error', locations: formatted.locations, ...path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * A bad Date or Money written into the query text (rather than sent as a variable) fails in
 * validation, where graphql-js reports neither our code nor the field. Give it BAD_USER_INPUT and name
 * the field: the name that precedes the value in the document.
 */
function badScalarLiteral(error: unknown): GraphQLFormattedError | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const scalarError = error.originalError;
  if (!(scalarError instanceof ScalarInputError)) return undefined;
  const node = error.nodes?.[0];
  const before = node?.loc ? node.loc.source.body.slice(0, node.loc.start) : '';
  const field = /([_A-Za-z][_0-9A-Za-z]*)\s*:\s*$/.exec(before)?.[1];
  return {
    message: field ? `${field}: ${scalarError.message}` : scalarError.message,
    locations: error.locations,
    extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) },
  };
}

// graphql-js ends validation and input-coercion messages with "Did you mean …?".
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * In production the schema is not for browsing (introspection is off), so errors do not hint at the
 * names of fields, types and enum values either.
 */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(SUGGESTION, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}

function isDatabaseUnavailable(error: Error & { code?: string }, pgCode?: string): boolean {
  if (pgCode && PG_UNAVAILABLE.has(pgCode)) return true;
  if (RELEASED_RUNNER.has(error?.name) || RELEASED_RUNNER.has(error?.constructor?.name)) return true;
  if (error?.code && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(error.code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    error?.message ?? '',
  );
}
