import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import postgres from 'postgres';
import { inject } from 'vitest';

import { type Database, openDatabase, wrapPglite } from '../client';
import { databaseUrlFor } from './urls';

const execFileAsync = promisify(execFile);

/**
 * A migrated, empty database of the kind this run tests against (PGlite or PostgreSQL),
 * private to the caller. `close()` closes it and, on PostgreSQL, drops it.
 */
export interface TestDatabase extends Database {
  /**
   * Everything the database holds as bytes an attacker with a backup would see: `pg_dump`
   * output on PostgreSQL, the data directory (heap files and WAL) on PGlite.
   */
  rawDump(): Promise<Buffer>;
}

export async function createTestDatabase(options: { logger?: Logger } = {}): Promise<TestDatabase> {
  const setup = inject('testDatabase');
  if (setup.kind === 'pglite') {
    const client = await PGlite.create({
      ...(await pgliteArtifacts(setup.dumpFile)),
      // 16 MB of shared buffers instead of 128 MB: a test database holds a few MB, and
      // PGlite sets up every buffer at each start (about a fifth of making a database).
      startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'],
    });
    return {
      ...wrapPglite(client, options.logger),
      rawDump: async () => {
        await client.exec('checkpoint');
        return Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
      },
    };
  }
  const { url, drop } = await createServerDatabaseUrl('ohjaamo_test', `template ${setup.template}`);
  const database = await openDatabase({
    url,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return {
    ...database,
    async close() {
      await database.close();
      await drop();
    },
    rawDump: async () =>
      (await execFileAsync('pg_dump', [url], { maxBuffer: 256 * 1024 * 1024, encoding: 'buffer' }))
        .stdout,
  };
}

/**
 * What every PGlite copy of the migrated database starts from, read and compiled once per
 * test process: the dump, PGlite's file-system bundle and its WebAssembly, which PGlite would
 * otherwise read and compile again for each database. The files of a worker share them.
 */
let artifacts:
  | Promise<{
      loadDataDir: Blob;
      fsBundle: Blob;
      pgliteWasmModule: WebAssembly.Module;
      initdbWasmModule: WebAssembly.Module;
    }>
  | undefined;
let artifactsOf: string | undefined;

function pgliteArtifacts(dumpFile: string) {
  if (!artifacts || artifactsOf !== dumpFile) {
    const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    artifactsOf = dumpFile;
    artifacts = (async () => ({
      loadDataDir: new BytesBlob(new Uint8Array(readFileSync(dumpFile))),
      fsBundle: new BytesBlob(new Uint8Array(readFileSync(path.join(dist, 'pglite.data')))),
      pgliteWasmModule: await WebAssembly.compile(readFileSync(path.join(dist, 'pglite.wasm'))),
      initdbWasmModule: await WebAssembly.compile(readFileSync(path.join(dist, 'initdb.wasm'))),
    }))();
  }
  return artifacts;
}

/**
 * A Blob whose bytes stay at hand: PGlite reads the dump (43 MB) and its bundle (6 MB) with
 * arrayBuffer() for each new database, which for a plain Blob copies them through a stream
 * (about a tenth of making a database). PGlite only reads them, copying files out.
 */
class BytesBlob extends Blob {
  readonly #bytes: ArrayBuffer;
  constructor(bytes: Uint8Array<ArrayBuffer>) {
    super([bytes]);
    this.#bytes = bytes.buffer;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#bytes);
  }
}

/** Counts the queries Drizzle sends, for tests that pin a page's query count. */
export function queryCounter(): Logger & { count: number; reset(): void } {
  return {
    count: 0,
    logQuery() {
      this.count += 1;
    },
    reset() {
      this.count = 0;
    },
  };
}

/** A brand-new database with no tables at all, for testing migrations from empty. */
export async function createEmptyDatabase(): Promise<Database> {
  const setup = inject('testDatabase');
  if (setup.kind === 'pglite') {
    // Nothing loaded: initdb runs, as for a new server's data folder. The compiled
    // WebAssembly and the file-system bundle are the ones every test database shares.
    const { fsBundle, pgliteWasmModule, initdbWasmModule } = await pgliteArtifacts(setup.dumpFile);
    return wrapPglite(await PGlite.create({ fsBundle, pgliteWasmModule, initdbWasmModule }));
  }
  return createServerDatabase('ohjaamo_empty', '');
}

/** A new, empty database on the test server: its URL, and how to drop it again. */
export async function createServerDatabaseUrl(
  prefix: string,
  createOptions = '',
): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = requiredServerUrl();
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => admin.unsafe(`create database ${name} ${createOptions}`));
  return {
    url: databaseUrlFor(serverUrl, name),
    drop: async () => {
      await withAdmin(serverUrl, (admin) =>
        admin.unsafe(`drop database if exists ${name} with (force)`),
      );
    },
  };
}

/** A new database on the test server, dropped again by `close()`. */
async function createServerDatabase(prefix: string, createOptions: string): Promise<Database> {
  const { url, drop } = await createServerDatabaseUrl(prefix, createOptions);
  const database = await openDatabase({ url });
  return {
    ...database,
    async close() {
      await database.close();
      await drop();
    },
  };
}

function requiredServerUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL disappeared during the test run');
  return url;
}

async function withAdmin<T>(
  serverUrl: string,
  fn: (admin: postgres.Sql) => Promise<T>,
): Promise<T> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}
