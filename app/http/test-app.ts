/**
 * The real HTTP stack for tests: Express with every middleware, the Remix handler and the
 * app's routes compiled by Vite (the same path `npm start` takes in development), on a free
 * port of 127.0.0.1, over the database the test gives it.
 */
import type { AddressInfo } from 'node:net';

import type { Database } from '#db/client';
import { testKeyring } from '#db/testing/keyring';
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
