import type { Db } from '../client';
import { supervisionSessions } from '../schema';

/** A session of a contract, inserted directly (booking rules are tested in app/sessions). */
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
