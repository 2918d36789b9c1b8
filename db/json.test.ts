import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { jsonArray, jsonObject, subqueryValue, toDate } from './json';
import { createTestDatabase, type TestDatabase } from './testing/test-database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

it('reads a list in the order asked, times and nulls intact, [] for none', async () => {
  const { db } = database;
  const rows = sql`(values (2, '2026-11-23 09:00:00.123456+02'::timestamptz, null::text),
    (1, '2026-11-24 10:30:00+02'::timestamptz, 'b')) as r(n, at, label)`;
  const list = (where: string) =>
    subqueryValue<{ n: number; at: string; label: string | null }[]>(
      db
        .select({
          list: jsonArray({ n: sql`r.n`, at: sql`r.at`, label: sql`r.label` }, [sql`r.n`]),
        })
        .from(rows)
        .where(sql.raw(where)),
    );
  const [row] = await db
    .select({ all: list('true'), none: list('false') })
    .from(sql`(values (1)) as one`);
  expect(row?.none).toEqual([]);
  expect(row?.all.map((item) => [item.n, toDate(item.at).toISOString(), item.label])).toEqual([
    [1, '2026-11-24T08:30:00.000Z', 'b'],
    [2, '2026-11-23T07:00:00.123Z', null],
  ]);
});

it('takes plain keys only', () => {
  expect(() => jsonObject({ "x', 1) --": sql`1` })).toThrow(/plain JSON key/);
  expect(toDate(null)).toBeNull();
});
