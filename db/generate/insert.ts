import type { PgTable } from 'drizzle-orm/pg-core';

import type { Db } from '../client';

// A statement may carry at most 65,535 bound parameters; stay well below it.
const MAX_PARAMETERS = 60_000;
const MAX_ROWS = 5_000;

/** Inserts rows in multi-row statements of up to 5,000 rows each, in the caller's transaction. */
export async function insertInBatches<T extends PgTable>(
  db: Db,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  if (rows.length === 0) return;
  let columns = 1;
  for (const row of rows) columns = Math.max(columns, Object.keys(row).length);
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns)));
  for (let i = 0; i < rows.length; i += size) {
    await db.insert(table).values(rows.slice(i, i + size) as T['$inferInsert'][]);
  }
}
