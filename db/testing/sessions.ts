import type { Db } from '../client';
import { supervisionSessions } from '../schema';

/**
 * A session of a contract in any state, inserted directly. Through the domain a session is
 * booked (a past one only when confirmed, never overlapping, with a change history) and then
 * given an outcome; the tests that use this need one that was held or cancelled weeks ago, as
 * notes, feeds and overviews see it, and booking and outcomes have their own tests in
 * app/sessions.
 */
export async function insertSession(
  db: Db,
  values: {
    practiceId: string;
    contractId: string;
    supervisorId: string;
    startsAt: Date;
    minutes?: number;
    status?: (typeof supervisionSessions.$inferInsert)['status'];
  },
): Promise<string> {
  const { minutes = 60, ...rest } = values;
  const [row] = await db
    .insert(supervisionSessions)
    .values({ ...rest, endsAt: new Date(values.startsAt.getTime() + minutes * 60_000) })
    .returning({ id: supervisionSessions.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}
