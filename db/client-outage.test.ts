/**
 * The postgres.js connection settings and the driver patch (scripts/patch-postgres-driver.ts,
 * ADR 021): a transaction whose connection dies fails like any query, the process lives on,
 * and the pool serves the next query on a fresh connection. PostgreSQL only: PGlite has no
 * connections to lose.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Database, queryRows } from '#db/client';
import { secondPoolOn } from '#db/testing/second-pool';
import { createTestDatabase } from '#db/testing/test-database';

const onPostgres = Boolean(process.env.DATABASE_URL);
let database: Database;
let admin: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = await secondPoolOn(database);
});
afterAll(async () => {
  if (admin !== database) await admin.close();
  await database.close();
});

describe.skipIf(!onPostgres)('a connection lost inside a transaction', () => {
  it('fails the transaction, and the pool answers again', async () => {
    for (let round = 0; round < 3; round++) {
      const failure = await database.db
        .transaction(async (tx) => {
          const [me] = await queryRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
          await queryRows(admin.db, sql`select pg_terminate_backend(${me?.pid})`);
          // The transaction goes on as a domain function would, on a connection now gone.
          await tx.execute(sql`select 1`);
          await tx.execute(sql`select 2`);
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(failure).toBeInstanceOf(Error);
      const rows = await queryRows<{ one: number }>(database.db, sql`select 1 as one`);
      expect(rows).toEqual([{ one: 1 }]);
    }
  });
});
