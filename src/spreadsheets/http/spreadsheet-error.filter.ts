import { ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, type ErrorCode } from '../../common/errors.js';
import { formatError } from '../../graphql/format-error.js';
import { HttpRefusal } from './http-refusal.js';

const STATUS: Record<ErrorCode | 'INTERNAL_SERVER_ERROR' | 'PAYLOAD_TOO_LARGE', number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

const logger = new Logger('Spreadsheets');

/**
 * The spreadsheet endpoints answer every refusal as `{ "error": { "code", "message", "field" } }`
 * with the GraphQL codes and their HTTP statuses. Anything that is not a domain error goes through
 * the GraphQL error formatter, so a database error means the same here as there (an outage is
 * SERVICE_UNAVAILABLE; nothing internal reaches the client). A failure after a download has begun
 * can only cut the response short: the client sees an incomplete file, never a valid one.
 */
@Catch()
export class SpreadsheetErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) {
      logger.error(`A download failed after it had begun: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      res.destroy();
      return;
    }
    const body = toErrorBody(error);
    res.status(STATUS[body.error.code as keyof typeof STATUS] ?? 500).json(body);
  }
}

export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof HttpRefusal) {
    return { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 404 ? 'NOT_FOUND' : status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR';
    return { error: { code, message: error.message } };
  }
  const formatted = formatError({ message: error instanceof Error ? error.message : String(error) }, error);
  const field = error instanceof DomainError ? error.details.field : undefined;
  return {
    error: {
      code: String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
      message: formatted.message,
      ...(typeof field === 'string' ? { field } : {}),
    },
  };
}
