import { sql } from 'drizzle-orm';

import { type Database, openDatabase, queryRows } from '../client';
import { databaseUrlFor } from './urls';

/**
 * Another connection pool on the same test database, as a second app instance would open
 * it. PGlite is one in-process connection, so there the database itself is returned: the
 * two "instances" then share it, and their statements still interleave. Close the second
 * pool (when it is not `database`) before `database`, which drops the database.
 */
export async function secondPoolOn(database: Database): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (database.kind === 'pglite' || !serverUrl) return database;
  const [row] = await queryRows<{ name: string }>(
    database.db,
    sql`select current_database() as name`,
  );
  if (!row) throw new Error('no current database');
  return openDatabase({ url: databaseUrlFor(serverUrl, row.name) });
}
