import type { Request, Response } from 'express';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { LogLevel } from '../config/config.js';
import { redact, redactText } from './redact.js';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id.js';
import { graphqlFactsOf } from './request-facts.js';

export type { Logger };

/**
 * Planspor's one logger: a JSON object a line (pino), to stdout unless told otherwise (tests pass a
 * stream). Every logged object and message goes through redact(): no password, token or
 * Authorization header reaches a line, whoever logs it.
 */
export function createLogger(level: LogLevel, stream?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'planspor' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redact(object) as Record<string, unknown>,
      },
      hooks: {
        // Messages are strings the formatter above does not see: scrub them (and string arguments) too.
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
    },
    stream ?? pino.destination({ dest: 1, sync: true }),
  );
}

/**
 * Express middleware: gives each request its id (X-Request-Id honoured when sane, else made; always
 * returned) and writes one line when it ends, with method, path (no query string: it may hold
 * variables), status, duration, and for GraphQL the operation, the caller's user id and error codes.
 * Request and response headers are not logged.
 */
export function httpLogger(logger: Logger): HttpLogger<Request, Response> {
  return pinoHttp<Request, Response>({
    logger,
    genReqId: (req, res) => {
      const id = requestIdOf(req);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    serializers: {
      req: (req: { method?: string; url?: string; raw?: Request }) => ({
        method: req.method,
        path: (req.raw?.originalUrl ?? req.url ?? '').split('?')[0],
        remoteAddress: req.raw?.ip,
      }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req, res) => `${req.method} ${(req.originalUrl ?? req.url ?? '').split('?')[0]} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${(req.originalUrl ?? req.url ?? '').split('?')[0]} ${res.statusCode}`,
    customSuccessObject: (req, res, value) => requestLine(req, res, value),
    customErrorObject: (req, res, error, value) => {
      const line = requestLine(req, res, value);
      // For a plain 5xx pino-http makes up an error ("failed with status code 503"): the status says it all.
      if (/^failed with status code \d+$/.test(error.message)) delete line.err;
      return line;
    },
  });
}

/** The fields of a request's line; the response object itself is not logged (its status is). */
function requestLine(req: Request, res: Response, value: Record<string, unknown>): Record<string, unknown> {
  const { res: _res, ...rest } = value;
  return { ...rest, requestId: req.id, status: res.statusCode, ...graphqlFields(res) };
}

function graphqlFields(res: Response): Record<string, unknown> {
  const facts = graphqlFactsOf(res);
  if (!facts) return {};
  return {
    operationName: facts.operationName,
    operationType: facts.operationType,
    userId: facts.userId,
    ...(facts.errorCodes.length ? { errorCodes: facts.errorCodes } : {}),
  };
}
