/**
 * Reminders before sessions, queued by a periodic sweep (see server.ts). Each practice
 * chooses how many hours ahead (0 = none). A reminder is claimed in `session_reminders` in
 * the same transaction that queues its mail, so two sweeps at once, or a sweep that runs
 * again, never remind the same participant of the same session time twice.
 */
import { and, asc, eq, gt, isNull, ne, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import {
  clients,
  contractParticipants,
  practices,
  sessionReminders,
  supervisionSessions,
} from '#db/schema';
import { enqueueEmail } from '~/email/outbox.server';

import { loadMailedSessions } from './recipients.server';
import { sessionEmail } from './templates';

interface DueReminder {
  sessionId: string;
  practiceId: string;
  clientId: string;
  email: string;
  startsAt: Date;
}

/** Queues every reminder due at `now`; returns how many were queued. */
export async function queueDueReminders(
  db: Db,
  { now, batchSize = 100 }: { now: Date; batchSize?: number },
): Promise<number> {
  let queued = 0;
  for (;;) {
    const due = await dueReminders(db, now, batchSize);
    if (due.length === 0) return queued;
    let claimedAny = false;
    for (const reminder of due) {
      if (await queueReminder(db, reminder, now)) {
        queued += 1;
        claimedAny = true;
      }
    }
    // Everything in the batch was taken by another sweep meanwhile: let that one finish.
    if (!claimedAny || due.length < batchSize) return queued;
  }
}

/** Scheduled sessions ahead whose reminder time has come, per participant with an address. */
function dueReminders(db: Db, now: Date, limit: number): Promise<DueReminder[]> {
  const s = supervisionSessions;
  return db
    .select({
      sessionId: s.id,
      practiceId: s.practiceId,
      clientId: clients.id,
      email: sql<string>`${clients.email}`,
      startsAt: s.startsAt,
    })
    .from(s)
    .innerJoin(practices, eq(practices.id, s.practiceId))
    .innerJoin(
      contractParticipants,
      and(
        eq(contractParticipants.contractId, s.contractId),
        eq(contractParticipants.practiceId, s.practiceId),
      ),
    )
    .innerJoin(
      clients,
      and(eq(clients.id, contractParticipants.clientId), eq(clients.practiceId, s.practiceId)),
    )
    .leftJoin(
      sessionReminders,
      and(
        eq(sessionReminders.sessionId, s.id),
        eq(sessionReminders.clientId, clients.id),
        eq(sessionReminders.startsAt, s.startsAt),
      ),
    )
    .where(
      and(
        eq(s.status, 'scheduled'),
        gt(s.startsAt, now),
        gt(practices.reminderHoursBefore, 0),
        sql`${s.startsAt} - ${practices.reminderHoursBefore} * interval '1 hour' <= ${now.toISOString()}::timestamptz`,
        ne(clients.email, ''),
        isNull(sessionReminders.sessionId),
      ),
    )
    .orderBy(asc(s.startsAt))
    .limit(limit);
}

/**
 * Claims and queues one reminder in one transaction. The session row is locked and read
 * again first, so a cancellation or move committed since the sweep's query is seen.
 */
async function queueReminder(db: Db, reminder: DueReminder, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: supervisionSessions.status, startsAt: supervisionSessions.startsAt })
      .from(supervisionSessions)
      .where(
        and(
          eq(supervisionSessions.id, reminder.sessionId),
          eq(supervisionSessions.practiceId, reminder.practiceId),
        ),
      )
      .for('update');
    if (
      !current ||
      current.status !== 'scheduled' ||
      current.startsAt.getTime() !== reminder.startsAt.getTime() ||
      current.startsAt.getTime() <= now.getTime()
    ) {
      return false;
    }
    const claimed = await tx
      .insert(sessionReminders)
      .values({
        sessionId: reminder.sessionId,
        clientId: reminder.clientId,
        practiceId: reminder.practiceId,
        startsAt: reminder.startsAt,
      })
      .onConflictDoNothing()
      .returning({ sessionId: sessionReminders.sessionId });
    if (claimed.length === 0) return false;
    const [session] = await loadMailedSessions(tx, reminder.practiceId, [reminder.sessionId]);
    if (!session) return false;
    await enqueueEmail(tx, {
      to: reminder.email,
      practiceId: reminder.practiceId,
      ...sessionEmail('reminder', session, { calendarAttached: false }),
    });
    return true;
  });
}
