/**
 * Lists of rows as JSON inside one query: a page that needs a record and several short lists
 * around it reads them in one round trip (correlated subqueries, each aggregated to an array)
 * instead of one query per list. PostgreSQL 15 and PGlite both have json_agg, and both
 * drivers hand back the parsed value. Timestamps arrive as ISO strings: see `toDate`.
 */
import { type SQL, sql, type SQLWrapper } from 'drizzle-orm';

const plainKey = /^[A-Za-z][A-Za-z0-9]*$/;

/** json_build_object of the fields, keyed by their names here (plain identifiers only). */
export function jsonObject(fields: Record<string, SQLWrapper>): SQL {
  const pairs = Object.entries(fields).map(([key, value]) => {
    if (!plainKey.test(key)) throw new Error(`not a plain JSON key: ${key}`);
    return sql`${sql.raw(`'${key}'`)}, ${value}`;
  });
  return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
}

/** The aggregate of jsonObject(fields) over the rows, in the order given; '[]' for no rows. */
export function jsonArray(fields: Record<string, SQLWrapper>, orderBy: SQLWrapper[] = []): SQL {
  const order = orderBy.length > 0 ? sql` order by ${sql.join(orderBy, sql`, `)}` : sql``;
  return sql`coalesce(json_agg(${jsonObject(fields)}${order}), '[]'::json)`;
}

/** A subquery (one row, one column) as a value of the outer query, typed as what it holds. */
export function subqueryValue<T>(subquery: SQLWrapper): SQL<T> {
  return sql<T>`(${subquery})`;
}

/** A timestamp read through JSON (an ISO string), or null. */
export function toDate(value: string): Date;
export function toDate(value: string | null): Date | null;
export function toDate(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}
