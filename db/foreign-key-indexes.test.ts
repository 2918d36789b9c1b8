/**
 * Deleting a session checks every foreign key that points at it, once per deleted row; so
 * does deleting a contract, and a practice deletes thousands of both. A referencing column
 * without an index of its own makes each of those checks a scan of its whole table (the
 * generated practice took minutes to delete), so every such column must lead a plain index:
 * a partial one does not serve the check, which asks about every row.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Database, queryRows } from './client';
import { createTestDatabase } from './testing/test-database';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** The single-column foreign keys to `referenced`, and whether a plain index leads with each. */
async function foreignKeysTo(referenced: string) {
  return queryRows<{ reference: string; indexed: boolean }>(
    database.db,
    sql`
      select c.conrelid::regclass::text || '.' || a.attname as reference,
        exists (
          select 1 from pg_index i
          where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1] and i.indpred is null
        ) as indexed
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.confrelid = ${referenced}::regclass
        and cardinality(c.conkey) = 1
      order by 1`,
  );
}

describe('the foreign keys to sessions and contracts', () => {
  it.each(['supervision_sessions', 'contracts'])(
    'to %s each lead a plain index, so a delete never scans the referencing table',
    async (referenced) => {
      const keys = await foreignKeysTo(referenced);
      expect(keys.length).toBeGreaterThan(3);
      expect(keys.filter((key) => !key.indexed).map((key) => key.reference)).toEqual([]);
    },
  );
});
