import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { AppLoadContext, ServerBuild } from '@remix-run/node';
import compression from 'compression';
import { sql } from 'drizzle-orm';
import express from 'express';
import type { ViteDevServer } from 'vite';

import type { Database } from '#db/client';
import {
  clearedSessionCookie,
  readCookie,
  SESSION_COOKIE,
  sessionCookie,
  validateSessionToken,
} from '~/auth/session.server';
import type { Config } from '~/config.server';
import type { NoteKeyring } from '~/security/sealing.server';

import { isCrossSiteRequest } from './csrf.server';
import { expressErrorHandler, sendErrorPage } from './error-response.server';
import { remixHandler } from './remix-handler.server';
import { requestLogLine } from './request-log.server';
import { generateNonce, securityHeaders } from './security-headers.server';

export interface HttpApp {
  /** Not yet listening: the caller chooses port and host. */
  server: Server;
  close(): Promise<void>;
}

/**
 * Builds the HTTP application around the Remix handler: security headers, request log,
 * health check, CSRF origin check, static files (or Vite in development), sessions.
 */
export async function createHttpApp(options: {
  config: Config;
  database: Database;
  keyring: NoteKeyring;
  /** Serve through Vite's dev server (hot reload) instead of the production build. */
  useVite: boolean;
  /** With useVite: a Vite dev server already running (tests share one); close() leaves it open. */
  viteServer?: ViteDevServer;
  buildDir?: string;
}): Promise<HttpApp> {
  const { config, database, keyring, useVite } = options;
  const buildDir = options.buildDir ?? path.resolve('build');
  const app = express();
  const server = createServer(app);
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', true);

  app.use((req, res, next) => {
    const nonce = generateNonce();
    res.locals.cspNonce = nonce;
    res.set(securityHeaders({ nonce, https: req.secure, development: useVite }));
    next();
  });

  app.use((req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      if (useVite && /^\/(@|node_modules\/|app\/)/.test(req.path)) return;
      console.log(
        requestLogLine({
          method: req.method,
          path: req.originalUrl,
          status: res.statusCode,
          durationMs: performance.now() - started,
        }),
      );
    });
    next();
  });

  // Pages, `.data` and assets go compressed (brotli when the browser takes it, else gzip):
  // a long list's HTML shrinks about tenfold. Pages carry no secret beside text an attacker
  // could reflect (sessions are cookies, CSRF is an origin check), so BREACH has nothing to
  // recover from their lengths.
  app.use(compression());
  // The Remix adapter flushes the compressor after every chunk React writes, for streamed
  // (deferred) data. No loader here defers, so each flush only cut a page into dozens of tiny
  // compressed blocks: about a fifth of a page's server CPU. Without it the compressor sends
  // its output as its buffer fills and at the end of the page.
  app.use((_req, res, next) => {
    (res as { flush?: unknown }).flush = undefined;
    next();
  });

  app.get('/healthz', async (_req, res) => {
    try {
      await database.db.execute(sql`select 1`);
      res.json({ status: 'ok', database: database.kind });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  app.use((req, res, next) => {
    const ownOrigins = new Set([`${req.protocol}://${req.get('host')}`, config.appOrigin]);
    const crossSite = [...ownOrigins].every((ownOrigin) =>
      isCrossSiteRequest({
        method: req.method,
        headers: { get: (name) => req.get(name) ?? null },
        ownOrigin,
      }),
    );
    if (!crossSite) return next();
    sendErrorPage(req, res, 403);
  });

  let vite: ViteDevServer | undefined;
  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (useVite && options.viteServer) {
    vite = options.viteServer;
    app.use(vite.middlewares);
    const devServer = vite;
    build = () => devServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>;
  } else if (useVite) {
    const { createServer: createViteServer } = await import('vite');
    // Hot reload rides on our own server, so no second port is needed.
    // Vite installs a SIGTERM handler that exits the process at once; shutdown is
    // server.ts's job (it closes Vite too), so Vite's handler is taken out again.
    const ownSigtermHandlers = new Set(process.listeners('SIGTERM'));
    vite = await createViteServer({ server: { middlewareMode: true, hmr: { server } } });
    for (const handler of process.listeners('SIGTERM')) {
      if (!ownSigtermHandlers.has(handler)) process.off('SIGTERM', handler);
    }
    app.use(vite.middlewares);
    const devServer = vite;
    build = () => devServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>;
  } else {
    // Hashed file names change with their content: cached for a year, never revalidated.
    app.use(
      '/assets',
      express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y' }),
      // An asset of an earlier build (a tab open across a deploy): a plain 404, not a page.
      (_req, res) => void res.status(404).set('Cache-Control', 'no-store').end(),
    );
    // The files of public/ (robots.txt and the like), listed once: a page's path is not
    // looked up on disk first.
    const clientDir = path.join(buildDir, 'client');
    const publicFiles = new Set(
      readdirSync(clientDir, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => `/${entry.name}`),
    );
    const servePublic = express.static(clientDir, { maxAge: '1h' });
    app.use((req, res, next) => {
      if (publicFiles.has(req.path)) servePublic(req, res, next);
      else next();
    });
    build = (await import(
      pathToFileURL(path.join(buildDir, 'server/index.js')).href
    )) as ServerBuild;
  }

  // Pages carry confidential data: no browser or proxy cache may keep them.
  app.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  const secure = config.cookieSecure;
  app.all(
    '*',
    remixHandler({
      build,
      // Error details and stacks reach the browser only while developing; tests see what
      // production users see.
      mode: useVite && config.mode === 'development' ? 'development' : 'production',
      db: database.db,
      getLoadContext: async (req, res): Promise<AppLoadContext> => {
        const token = readCookie(req.headers.cookie, SESSION_COOKIE);
        // A page read takes the user's practices (staff and portal) with the session, in one
        // query; a POST may change them, so its guards read them afresh.
        const withAccess = req.method === 'GET' || req.method === 'HEAD';
        const auth = token
          ? await validateSessionToken(database.db, token, new Date(), { withAccess })
          : null;
        if (token && !auth) res.append('Set-Cookie', clearedSessionCookie(secure));
        if (token && auth?.renewed) {
          res.append('Set-Cookie', sessionCookie(token, auth.session.expiresAt, secure));
        }
        return {
          db: database.db,
          config,
          clientIp: req.ip ?? 'unknown',
          cspNonce: String(res.locals.cspNonce),
          auth,
          keyring,
        };
      },
    }),
  );

  app.use(expressErrorHandler(database.db));

  return {
    server,
    close: async () => {
      if (vite !== options.viteServer) await vite?.close();
    },
  };
}
