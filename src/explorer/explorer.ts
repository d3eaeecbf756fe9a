import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

const execFileAsync = promisify(execFile);

/** Where the explorer's own files are served from; nothing else is loaded. */
export const EXPLORER_ASSETS = '/graphql-explorer';

/** The explorer loads its script and stylesheet from this origin and talks to /graphql, nothing else. */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL and its editor set style attributes; its fonts are inlined as data: URLs.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The demo logins (src/demo), offered in the explorer's first tab. */
export const EXPLORER_DEFAULT_QUERY = `# Planspor's GraphQL API. Every operation but login needs a token:
#  1. run Login below (or with your own account),
#  2. open "Headers" at the bottom and paste {"Authorization": "Bearer <accessToken>"},
#  3. run Me, or write your own query (Ctrl-Space completes, the book icon shows the schema).
#
# Demo logins (DEMO_DATA=true, the default of npm start on the embedded engine):
#   admin@planspor.demo       demo-admin-2026       ADMIN
#   lbf@planspor.demo         demo-lbf-2026         LBF
#   omraade@planspor.demo     demo-omraade-2026     AREA_SECRETARIAT (plans 1 and 2)
#   projekt@planspor.demo     demo-projekt-2026     PROJECT_SECRETARIAT (plan 1)
#   bestyrelse@planspor.demo  demo-bestyrelse-2026  BOARD_MEMBER (plan 1)

mutation Login {
  login(email: "projekt@planspor.demo", password: "demo-projekt-2026") {
    accessToken
  }
}

query Me {
  me {
    id
    name
    role
  }
}
`;

/** The explorer's script: React 19 and GraphiQL from node_modules, bundled once per process on first use. */
const ENTRY = `
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
const config = JSON.parse(document.getElementById('explorer-config').textContent);
const fetcher = createGraphiQLFetcher({ url: config.url });
createRoot(document.getElementById('graphiql')).render(
  createElement(GraphiQL, { fetcher, defaultQuery: config.defaultQuery, defaultEditorToolsVisibility: 'headers', shouldPersistHeaders: false }),
);
`;

let bundle: Promise<string> | undefined;

/**
 * Bundles ENTRY with rolldown (a development dependency) in a child process: the server's event loop
 * stays free meanwhile, and the bundler's native module loads the same under any module loader.
 */
const BUILD_SCRIPT = `
import { build } from 'rolldown';
const entryId = process.cwd() + '/planspor-explorer-entry.js';
const output = await build({
  input: entryId,
  cwd: process.cwd(),
  platform: 'browser',
  write: false,
  onLog: () => undefined, // "use client" directives and the like: nothing to act on
  plugins: [{ name: 'planspor-explorer-entry', resolveId: (id) => (id === entryId ? { id } : null), load: (id) => (id === entryId ? process.env.PLANSPOR_EXPLORER_ENTRY : null) }],
  transform: { define: { 'process.env.NODE_ENV': '"production"' } },
  output: { format: 'iife', minify: true, codeSplitting: false },
});
const chunk = output.output.find((o) => o.type === 'chunk');
if (!chunk) throw new Error('the explorer bundle came out empty');
process.stdout.write(chunk.code);
`;

async function buildBundle(): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', BUILD_SCRIPT], {
    cwd: process.cwd(),
    env: { ...process.env, PLANSPOR_EXPLORER_ENTRY: ENTRY },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  if (stdout.length < 10_000) throw new Error('the explorer bundle came out empty');
  return stdout;
}

/** The bundle, built on first request; a failed build is retried on the next one. */
function explorerBundle(): Promise<string> {
  bundle ??= buildBundle().catch((error: unknown) => {
    bundle = undefined;
    throw error;
  });
  return bundle;
}

function page(): string {
  const config = JSON.stringify({ url: '/graphql', defaultQuery: EXPLORER_DEFAULT_QUERY }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Planspor GraphQL explorer</title>
<link rel="stylesheet" href="${EXPLORER_ASSETS}/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
<script type="application/json" id="explorer-config">${config}</script>
<script defer src="${EXPLORER_ASSETS}/explorer.js"></script>
</head>
<body>
<div id="graphiql"><noscript>The GraphQL explorer needs JavaScript.</noscript></div>
</body>
</html>
`;
}

function securityHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', EXPLORER_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cache-Control', 'no-cache');
}

/** A browser asking for a page, not a client asking for JSON. */
export function wantsHtml(req: Request): boolean {
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/**
 * Outside production: `GET /graphql` from a browser opens GraphiQL, served entirely from this app
 * (no CDN, works offline). In production nothing here is installed and GET /graphql is the API's.
 */
export function serveExplorer(app: NestExpressApplication, production: boolean, logger: Logger): void {
  if (production) return;
  const require = createRequire(join(process.cwd(), 'package.json'));
  let css: Buffer | undefined;
  app.use('/graphql', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path !== '/' || !wantsHtml(req)) return next();
    securityHeaders(res);
    res.type('html').send(page());
    // Start the bundle now: the script request comes right after.
    explorerBundle().catch(() => undefined);
  });
  app.use(EXPLORER_ASSETS, async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    try {
      if (req.path === '/graphiql.css') {
        css ??= readFileSync(require.resolve('graphiql/style.css'));
        securityHeaders(res);
        res.type('css').send(css);
      } else if (req.path === '/explorer.js') {
        const code = await explorerBundle();
        securityHeaders(res);
        res.type('js').send(code);
      } else {
        next();
      }
    } catch (error) {
      logger.error(`GraphQL explorer unavailable: ${error instanceof Error ? error.message : String(error)}`);
      res.status(503).type('text/plain').send('The GraphQL explorer needs the development dependencies (npm ci without --omit=dev).\n');
    }
  });
}
