import { getTableName, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * A column written with its table's name. In the select list of a one-table query Drizzle
 * writes columns bare, and a bare name inside a correlated subquery there can be ambiguous or,
 * worse, read the column of another table in scope.
 */
export function qualified(column: AnyPgColumn) {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
