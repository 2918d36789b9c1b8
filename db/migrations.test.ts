import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';

import { queryRows } from './client';
import * as schema from './schema';
import { seedDemoPractice } from './seed';
import { testKeyring } from './testing/keyring';
import { createEmptyDatabase, createTestDatabase } from './testing/test-database';

// Every table the Drizzle schema declares, so a table without a migration fails here.
const expectedTables = Object.values(schema)
  .filter((value) => is(value, PgTable))
  .map((table) => getTableName(table))
  .sort();

describe('migrations', () => {
  it('build the whole schema on an empty database, and a second run changes nothing', async () => {
    const database = await createEmptyDatabase();
    try {
      await database.migrate();
      const tables = async () =>
        (
          await queryRows<{ table_name: string }>(
            database.db,
            sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
          )
        ).map((row) => row.table_name);
      expect(expectedTables.length).toBeGreaterThanOrEqual(10);
      expect(await tables()).toEqual(expectedTables);
      await database.migrate();
      expect(await tables()).toEqual(expectedTables);
    } finally {
      await database.close();
    }
    // initdb and every migration: about 10 s alone, and past the default 20 s on a busy machine.
  }, 60_000);

  // On the run's migrated copy: building the schema from empty is the test above.
  it('seed the demo practice once, and never over existing data', async () => {
    const database = await createTestDatabase();
    try {
      await database.migrate();
      expect(await seedDemoPractice(database.db, testKeyring)).toBe(true);
      expect(await seedDemoPractice(database.db, testKeyring)).toBe(false);
      const [counts] = await queryRows<Record<string, number>>(
        database.db,
        sql`select
          (select count(*)::int from users) as users,
          (select count(*)::int from portal_access where revoked_at is null) as portal,
          (select count(*)::int from clients) as clients,
          (select count(*)::int from contracts where status = 'active') as contracts,
          (select count(*)::int from supervision_sessions where status = 'held') as held,
          (select count(*)::int from supervision_sessions where status = 'scheduled') as upcoming,
          (select count(*)::int from session_notes) as notes,
          (select count(*)::int from summary_publications) as publications,
          (select count(*)::int from exercise_assignments) as exercises,
          (select count(*)::int from practices where contact_email is not null) as contact`,
      );
      expect(counts).toEqual({
        users: 3,
        portal: 1,
        clients: 8,
        contracts: 3,
        held: 6,
        upcoming: 5,
        notes: 6,
        publications: 5,
        // Maria's and Sanna's (who sees hers in the portal).
        exercises: 2,
        contact: 1,
      });
    } finally {
      await database.close();
    }
  });
});
