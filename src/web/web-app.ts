import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/**
 * The addresses of the browser app (web/): each is answered with its index.html, and the app's
 * router shows the page. /graphql, /health and every other path stay the API's.
 */
export const WEB_APP_ROUTES = /^\/(?:$|planer(?:\/|$)|omraader(?:\/|$)|national\/?$)/;

/**
 * Only this origin, no inline script, nothing framed: the app loads its own files and talks to
 * /graphql, nothing else (it works on a closed network). Inline styles are allowed because the
 * chart library sets SVG style attributes.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function securityHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', WEB_APP_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
}

/**
 * Serves the built web app from `dir` (web/dist): hashed files under /assets for a year, index.html
 * never cached (so a new release is picked up at once), and the app's routes answered with
 * index.html. Without a build, those routes say how to make one; the API works either way.
 */
export function serveWebApp(app: NestExpressApplication, dir: string, logger: Logger): void {
  const root = resolve(dir);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    logger.warn(`Web app not built (${indexFile} is missing): run "npm run build:web"; the API is served regardless`);
    app.use((req: Request, res: Response, next: NextFunction) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || !WEB_APP_ROUTES.test(req.path)) return next();
      res.status(503).type('text/plain; charset=utf-8').send('Planspor: the web app is not built. Run "npm run build:web" and restart.\n');
    });
    return;
  }
  // Read once: the file is small, and a request then never waits for the disk.
  const index = readFileSync(indexFile);
  // Its ETag made once (the app makes none, server.ts): a browser revalidating index.html gets a 304.
  const indexTag = `"${createHash('sha1').update(index).digest('base64url')}"`;
  app.useStaticAssets(root, {
    index: false,
    redirect: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      if (path.endsWith('.html')) securityHeaders(res);
      else res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !WEB_APP_ROUTES.test(req.path)) return next();
    securityHeaders(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('ETag', indexTag);
    res.type('html').send(index);
  });
}
