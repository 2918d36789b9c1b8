/**
 * Records the SQL each page sends: the production build runs in this process on a
 * database opened with a Drizzle logger, each page is requested once to warm it and once
 * more while recording. The statements (with their parameters) are what the bare baseline
 * replays, and their number is the page's query count.
 */
import type { AddressInfo } from 'node:net';

import type { Logger } from 'drizzle-orm';

import { openDatabase } from '#db/client';
import { loadConfig } from '~/config.server';
import { createHttpApp } from '~/http/express-app.server';
import { parseKeyring } from '~/security/sealing.server';

import type { BenchDatabase } from './databases';
import { BENCH_PASSWORD } from './databases';
import { logInRoles } from './login';
import type { Page, PagePlan } from './pages';

export interface Statement {
  sql: string;
  params: unknown[];
}

class RecordingLogger implements Logger {
  current: Statement[] | null = null;
  logQuery(query: string, params: unknown[]): void {
    this.current?.push({ sql: query, params });
  }
}

export async function recordPages(
  database: BenchDatabase,
  plan: PagePlan,
  ownerEmail: string,
): Promise<Map<string, Statement[]>> {
  const logger = new RecordingLogger();
  const opened = await openDatabase({ url: database.url, logger });
  // The request log of the in-process app would drown the bench's own output.
  const log = console.log;
  console.log = () => {};
  const http = await createHttpApp({
    config: {
      ...loadConfig({ NODE_ENV: 'production', DATABASE_URL: database.url }),
      cookieSecure: false,
      seedDemo: false,
    },
    database: opened,
    keyring: parseKeyring(database.notesKey),
    useVite: false,
  });
  try {
    await new Promise<void>((resolve) => http.server.listen(0, '127.0.0.1', resolve));
    const { port } = http.server.address() as AddressInfo;
    const origin = `http://127.0.0.1:${port}`;
    const cookies = await logInRoles(
      origin,
      { owner: ownerEmail, supervisor: plan.supervisorEmail, supervisee: plan.superviseeEmail },
      BENCH_PASSWORD,
    );
    const recorded = new Map<string, Statement[]>();
    for (const page of plan.pages) {
      await requestPage(origin, page, cookies[page.as]);
      logger.current = [];
      await requestPage(origin, page, cookies[page.as]);
      // Anything the page sends after its response (none is expected) still counts.
      await new Promise((resolve) => setTimeout(resolve, 100));
      recorded.set(page.key, logger.current);
      logger.current = null;
    }
    return recorded;
  } finally {
    console.log = log;
    http.server.closeAllConnections();
    await new Promise<void>((resolve) => http.server.close(() => resolve()));
    await http.close();
    await opened.close();
  }
}

async function requestPage(origin: string, page: Page, cookie: string): Promise<void> {
  const response = await fetch(`${origin}${page.path}`, { headers: { Cookie: cookie } });
  await response.arrayBuffer();
  if (response.status !== 200) {
    throw new Error(`${page.label} (${page.path}) answered ${response.status} while recording`);
  }
}
