import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface.js';
import { REQUEST_ID_HEADER } from './request-id.js';

/**
 * CORS for an organisation's own tools (CORS_ORIGINS): off unless origins are listed, and then only
 * those exact origins, without cookies (the API takes bearer tokens). Apollo's CSRF prevention stays on
 * either way: a listed origin passes it the way any client does, with JSON or a preflighted header.
 */
export function corsOptions(origins: string[]): CorsOptions | undefined {
  if (origins.length === 0) return undefined;
  return {
    origin: origins,
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type', 'Authorization', REQUEST_ID_HEADER, 'Apollo-Require-Preflight', 'X-Apollo-Operation-Name'],
    exposedHeaders: [REQUEST_ID_HEADER],
    credentials: false,
    maxAge: 600,
  };
}
