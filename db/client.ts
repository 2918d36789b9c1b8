/**
 * The one place that chooses the database driver.
 *
 * DATABASE_URL set   → postgres.js against that PostgreSQL server.
 * DATABASE_URL unset → embedded PGlite (PostgreSQL compiled to WASM) in ./.data/pglite.
 *
 * Both run the same migrations from ./drizzle and the same Drizzle queries.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { PGlite } from '@electric-sql/pglite';
import type { Logger, SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

import * as schema from './schema';

export type Schema = typeof schema;
/** A database handle or an open transaction: every query function accepts either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies pending migrations from ./drizzle; safe to call from several processes at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));
export const defaultPgliteDir = path.resolve('.data/pglite');

// An arbitrary constant so that concurrent app processes run migrations one at a time.
const MIGRATION_LOCK_ID = 72_616_001;

export interface OpenDatabaseOptions {
  /** A postgres:// URL; when absent an embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory, or `memory://` for an in-memory database. */
  dataDir?: string;
  /** Sees every query Drizzle sends (tests count queries with it); never logs by itself. */
  logger?: Logger;
  /**
   * A tarball of a migrated PGlite data directory (`npm run build` makes one): a new data
   * directory starts as a copy of it instead of running initdb and every migration, which
   * takes a fifth of the time. Later migrations still run in migrate().
   */
  pgliteTemplate?: string | undefined;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.logger);
  const dataDir = options.dataDir ?? defaultPgliteDir;
  if (dataDir.startsWith('memory://'))
    return wrapPglite(await PGlite.create(dataDir), options.logger);
  mkdirSync(dataDir, { recursive: true });
  const template = options.pgliteTemplate;
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  const loadDataDir =
    fresh && template && existsSync(template) ? new Blob([readFileSync(template)]) : undefined;
  return wrapPglite(await PGlite.create(dataDir, { loadDataDir }), options.logger);
}

export function wrapPglite(client: PGlite, logger?: Logger): Database {
  const db = drizzlePglite(client, { schema, ...(logger ? { logger } : {}) });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    // PGlite is a single in-process connection, so no lock is needed.
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}

/**
 * postgres.js settings for failing fast while the server is away and coming back at once
 * (measured in scripts/soak.ts; ADR 021). The driver's defaults wait up to 30 s for a
 * connection and, after each failed one, up to 20 s before trying again (3^n / 100 s): with
 * the server down for 5 s, requests hung for 10–20 s and the pool took 12 s to recover.
 * Here a refused connection fails its query at once, and the next try comes within half
 * a second, so requests fail within about a second during an outage and succeed again
 * within a second of the server's return.
 */
export const postgresClientOptions = {
  /** Seconds to open a connection (TCP and start-up) before its query fails. */
  connect_timeout: 2,
  /** Seconds before the next try after a failed connection: 50 ms doubling, at most ½ s. */
  backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5) * (0.5 + Math.random() / 2),
  /** Seconds an unused connection stays open: an idle instance holds no server backends. */
  idle_timeout: 60,
} satisfies postgres.Options<Record<string, never>>;

function openPostgres(url: string, logger?: Logger): Database {
  const client = postgres(url, {
    ...postgresClientOptions,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
  });
  const db = drizzlePostgres(client, { schema, ...(logger ? { logger } : {}) });
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    async migrate() {
      // A dedicated single connection: a session-level advisory lock belongs to one connection.
      const lockClient = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
        await migratePostgres(drizzlePostgres(lockClient), { migrationsFolder });
        await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
      } finally {
        await lockClient.end({ timeout: 5 });
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Runs raw SQL and returns its rows. postgres.js answers with an array and PGlite with
 * `{ rows }`; this hides the difference.
 */
export async function queryRows<T extends Record<string, unknown>>(
  db: Db,
  query: SQL,
): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}
