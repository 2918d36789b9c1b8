/**
 * The soak's scratch database: dropped and created again on every run, migrated, and
 * filled with a small generated practice (scale 0.02: 1,000 sessions) whose supervisors
 * the virtual users sign in as.
 */
import postgres from 'postgres';

import { openDatabase, postgresClientOptions } from '#db/client';
import { generatePractice } from '#db/generate/practice';
import { generateKeyString, parseKeyring } from '~/security/sealing.server';

export const SOAK_PASSWORD = 'soak-kajo-2026';

export interface SupervisorPlan {
  email: string;
  /** Active contracts the supervisor may book on. */
  contractIds: string[];
  clientIds: string[];
}

export interface SoakDatabase {
  url: string;
  notesKey: string;
  supervisors: SupervisorPlan[];
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A short-lived client for the script's own questions (fails fast like the app's). */
export async function withClient<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>) {
  const sql = postgres(url, { ...postgresClientOptions, max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 2 });
  }
}

export async function createSoakDatabase(serverUrl: string, name: string): Promise<SoakDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
  await withClient(serverUrl, async (sql) => {
    await sql.unsafe(`drop database if exists ${name} with (force)`);
    await sql.unsafe(`create database ${name}`);
  });
  const url = databaseUrl(serverUrl, name);
  const notesKey = generateKeyString('soak');
  const database = await openDatabase({ url });
  try {
    await database.migrate();
    await generatePractice(database.db, parseKeyring(notesKey), {
      seed: 1,
      scale: 0.02,
      now: new Date(new Date().setUTCHours(0, 0, 0, 0)),
      password: SOAK_PASSWORD,
    });
  } finally {
    await database.close();
  }
  const supervisors = await withClient(url, async (sql) => {
    const rows = await sql<{ email: string; contract_id: string; client_id: string }[]>`
      select u.email, c.id as contract_id, cp.client_id
      from contracts c
      join users u on u.id = c.supervisor_id
      join contract_participants cp on cp.contract_id = c.id
      where c.status = 'active'
      order by u.email, c.id`;
    const byEmail = new Map<string, SupervisorPlan>();
    for (const row of rows) {
      const plan = byEmail.get(row.email) ?? { email: row.email, contractIds: [], clientIds: [] };
      if (!plan.contractIds.includes(row.contract_id)) plan.contractIds.push(row.contract_id);
      if (!plan.clientIds.includes(row.client_id)) plan.clientIds.push(row.client_id);
      byEmail.set(row.email, plan);
    }
    return [...byEmail.values()];
  });
  if (supervisors.length === 0) throw new Error('the generated practice has no active contract');
  return { url, notesKey, supervisors };
}
