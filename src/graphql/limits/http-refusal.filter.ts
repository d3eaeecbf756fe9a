import { ArgumentsHost, Catch, HttpException, Inject } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { GRAPHQL_PATH } from '../graphql-options.js';

const CODES: Record<number, string> = { 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' };

/**
 * Requests to the GraphQL endpoint that Express refuses before Apollo sees them (a body over
 * BODY_LIMIT_BYTES, malformed JSON, an unsupported charset) answer in GraphQL's error shape, with
 * the same HTTP status, so clients need one way to read a refusal. Anything else keeps Nest's answer.
 */
@Catch(HttpException)
export class HttpRefusalFilter extends BaseExceptionFilter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  override catch(exception: HttpException, host: ArgumentsHost): unknown {
    // Inside a resolver: leave it to Apollo and formatError.
    if (host.getType() !== 'http') return exception;
    const request = host.switchToHttp().getRequest<Request>();
    const status = exception.getStatus();
    if (request.path !== GRAPHQL_PATH || status >= 500) return super.catch(exception, host);
    const code = CODES[status] ?? 'BAD_REQUEST';
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(status)
      .json({ errors: [{ message: this.message(exception, status), extensions: { code } }] });
    return undefined;
  }

  private message(exception: HttpException, status: number): string {
    if (status === 413) return `The request body is larger than ${this.config.bodyLimitBytes} bytes (BODY_LIMIT_BYTES)`;
    if (exception.cause instanceof SyntaxError) return `The request body is not valid JSON: ${exception.cause.message}`;
    return exception.message;
  }
}
