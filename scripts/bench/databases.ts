/**
 * The bench's own databases on a PostgreSQL server: created, migrated and filled with the
 * generated practice once, then reused. Each has its notes key in .data/bench/<name>.key,
 * as the sealed texts only open with the key they were sealed with.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { sql } from 'drizzle-orm';
import postgres from 'postgres';

import { openDatabase } from '#db/client';
import { ownerEmail } from '#db/generate/plan-people';
import { generatePractice } from '#db/generate/practice';
import { generateKeyString, parseKeyring } from '~/security/sealing.server';

export const BENCH_PASSWORD = 'harjoitus-kajo-2026';

export interface BenchDatabase {
  name: string;
  url: string;
  /** NOTES_ENCRYPTION_KEY for a server on this database. */
  notesKey: string;
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, fn: (sql: postgres.Sql) => Promise<T>) {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function holdsPractice(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from users where email = ${ownerEmail}`;
    return rows.length > 0;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The database with the generated practice at `scale`, generating it when needed. */
export async function ensureBenchDatabase(options: {
  serverUrl: string;
  name: string;
  scale: number;
  fresh: boolean;
}): Promise<BenchDatabase> {
  const { serverUrl, name, scale } = options;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
  const url = databaseUrl(serverUrl, name);
  const keyFile = path.resolve('.data/bench', `${name}.key`);

  const exists = await withAdmin(
    serverUrl,
    async (sql) => (await sql`select 1 from pg_database where datname = ${name}`).length > 0,
  );
  if (!options.fresh && exists && existsSync(keyFile) && (await holdsPractice(url))) {
    console.log(`Reusing ${name} (--fresh regenerates it).`);
    return { name, url, notesKey: readFileSync(keyFile, 'utf8').trim() };
  }

  await withAdmin(serverUrl, async (sql) => {
    await sql.unsafe(`drop database if exists ${name} with (force)`);
    await sql.unsafe(`create database ${name}`);
  });
  rmSync(keyFile, { force: true });
  const notesKey = generateKeyString('bench');
  const database = await openDatabase({ url });
  try {
    const started = performance.now();
    await database.migrate();
    const result = await generatePractice(database.db, parseKeyring(notesKey), {
      seed: 1,
      scale,
      now: new Date(new Date().setUTCHours(0, 0, 0, 0)),
      password: BENCH_PASSWORD,
    });
    await database.db.execute(sql`analyze`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const sessions = result.rows.supervision_sessions ?? 0;
    console.log(`Generated ${name}: ${sessions} sessions in ${seconds} s.`);
  } finally {
    await database.close();
  }
  // Written last: a key file beside a database means the practice in it is complete.
  mkdirSync(path.dirname(keyFile), { recursive: true });
  writeFileSync(keyFile, `${notesKey}\n`, { mode: 0o600 });
  return { name, url, notesKey };
}
