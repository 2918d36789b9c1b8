/**
 * The real HTTP stack for tests: Express with every middleware, the Remix handler and the
 * app's routes compiled by Vite (the same path `npm start` takes in development), on a free
 * port of 127.0.0.1, over the database the test gives it.
 */
import type { AddressInfo } from 'node:net';

import type { ViteDevServer } from 'vite';

import type { Database } from '#db/client';
import { testKeyring } from '#db/testing/keyring';
import { createSession } from '~/auth/session.server';
import { type Config, loadConfig } from '~/config.server';

import { createHttpApp } from './express-app.server';

export interface TestApp {
  origin: string;
  close(): Promise<void>;
}

export async function startTestApp(
  database: Database,
  overrides: Partial<Config> = {},
): Promise<TestApp> {
  // vite.config.ts leaves the Remix plugin out while Vitest runs; the app needs it. Express
  // takes its environment from NODE_ENV when created, and stays quiet under 'test': the app
  // is built as `npm start` builds it, so that what it would log is logged.
  const viteServer = await sharedViteServer();
  const { VITEST: vitest, NODE_ENV: nodeEnv } = process.env;
  delete process.env.VITEST;
  process.env.NODE_ENV = 'development';
  let http: Awaited<ReturnType<typeof createHttpApp>>;
  try {
    http = await createHttpApp({
      config: {
        ...loadConfig({ NODE_ENV: 'test' }),
        cookieSecure: false,
        seedDemo: false,
        ...overrides,
      },
      database,
      keyring: testKeyring,
      useVite: true,
      viteServer,
    });
  } finally {
    process.env.VITEST = vitest;
    process.env.NODE_ENV = nodeEnv;
  }
  const { server } = http;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await http.close();
    },
  };
}

/**
 * One Vite dev server per test process, shared by every app the process's test files start:
 * it compiles the app's modules once (about two seconds of CPU) instead of once per file.
 * Each app still has its own Express, database and config; the route modules are the same
 * ones, which hold no state of their own. The server has no hot-reload socket (no browser
 * here) and lives as long as the process.
 */
let viteServer: Promise<ViteDevServer> | undefined;

function sharedViteServer(): Promise<ViteDevServer> {
  viteServer ??= startViteServer().catch((error: unknown) => {
    viteServer = undefined;
    throw error;
  });
  return viteServer;
}

async function startViteServer(): Promise<ViteDevServer> {
  const { createServer } = await import('vite');
  const { VITEST: vitest, NODE_ENV: nodeEnv } = process.env;
  delete process.env.VITEST;
  process.env.NODE_ENV = 'development';
  // Vite's SIGTERM handler would end the test process at once: taken out, as createHttpApp does.
  const ownSigtermHandlers = new Set(process.listeners('SIGTERM'));
  try {
    return await createServer({ server: { middlewareMode: true, ws: false } });
  } finally {
    for (const handler of process.listeners('SIGTERM')) {
      if (!ownSigtermHandlers.has(handler)) process.off('SIGTERM', handler);
    }
    process.env.VITEST = vitest;
    process.env.NODE_ENV = nodeEnv;
  }
}

/** The session cookie of a new session of `userId`, as the browser would send it. */
export async function signedInCookie(db: Database['db'], userId: string): Promise<string> {
  return `ohjaamo_session=${(await createSession(db, userId)).token}`;
}

/**
 * A browser without JavaScript in front of the app, signed in as one of `cookies`' users:
 * Finnish pages, redirects not followed, forms posted as URL-encoded bodies from the app's
 * own origin. `app` is read at each request, so the client can be made before the app starts.
 */
export function formBrowser<Who extends string>(app: () => TestApp, cookies: Record<Who, string>) {
  const headers = (who: Who) => ({
    Accept: 'text/html',
    'Accept-Language': 'fi',
    Cookie: cookies[who],
  });
  return {
    headers,
    get: (path: string, who: Who) =>
      fetch(`${app().origin}${path}`, { redirect: 'manual', headers: headers(who) }),
    post: (path: string, who: Who, body: Record<string, string> | URLSearchParams) =>
      fetch(`${app().origin}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...headers(who), Origin: app().origin },
        body: body instanceof URLSearchParams ? body : new URLSearchParams(body),
      }),
  };
}
