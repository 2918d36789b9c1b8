/**
 * Booking, change and cancellation mail to a session's supervisees, each with an .ics that
 * adds, updates or removes the event in their own calendar. Called inside the transaction
 * that books, moves or cancels, so the mail exists exactly when the change committed.
 * It takes no actor: the supervisor's use cases call it now, a supervisee's own
 * cancellation can call it later.
 *
 * A series gets one mail per session: each session can later move or be cancelled on its
 * own, and mail programs handle one event per invitation reliably.
 */
import type { Db } from '#db/client';
import { sessionReminders } from '#db/schema';
import { enqueueEmail } from '~/email/outbox.server';

import { buildSessionInvitation, sessionUid } from './invitation-ics.server';
import {
  clientRecipients,
  loadMailedSessions,
  type MailedSession,
  participantRecipients,
  type Recipient,
} from './recipients.server';
import { invitationDescription, invitationTitle, sessionEmail } from './templates';

export interface SessionMailInput {
  practiceId: string;
  sessionIds: readonly string[];
  kind: 'booked' | 'changed' | 'cancelled';
  now: Date;
  /** For a move: each session's earlier start, which the mail names. */
  previousStartsAt?: ReadonlyMap<string, Date>;
  /**
   * Write to these clients instead of the contract's participants: someone just added to a
   * contract (invited to its coming sessions) or taken off it (their events cancelled).
   */
  clientIds?: readonly string[];
}

/**
 * Queues the mail for each session and recipient, with the session's current SEQUENCE —
 * so call it after the change (and its sequence bump) is written. Returns how many.
 */
export async function mailSessionChange(tx: Db, input: SessionMailInput): Promise<number> {
  const sessions = await loadMailedSessions(tx, input.practiceId, input.sessionIds);
  const fixed = input.clientIds
    ? await clientRecipients(tx, input.practiceId, input.clientIds)
    : null;
  const byContract = fixed
    ? null
    : await participantRecipients(
        tx,
        input.practiceId,
        sessions.map((s) => s.contractId),
      );
  let queued = 0;
  for (const session of sessions.filter((s) => stillAhead(s, input))) {
    const recipients = fixed ?? byContract?.get(session.contractId) ?? [];
    for (const recipient of recipients) {
      await enqueueSessionMail(tx, input, session, recipient);
      queued += 1;
    }
    if (input.kind !== 'cancelled') await coverReminder(tx, input, session, recipients);
  }
  return queued;
}

/**
 * A session that is over (booked or cancelled afterwards, for the record) has no place in
 * anyone's calendar; a move is mailed if either its new or its earlier time is still ahead.
 */
function stillAhead(session: MailedSession, input: SessionMailInput): boolean {
  const now = input.now.getTime();
  const previous = input.previousStartsAt?.get(session.id);
  return session.endsAt.getTime() > now || (previous !== undefined && previous.getTime() > now);
}

async function enqueueSessionMail(
  tx: Db,
  input: SessionMailInput,
  session: MailedSession,
  recipient: Recipient,
): Promise<void> {
  const method = input.kind === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const email = sessionEmail(input.kind, session, {
    previousStartsAt: input.previousStartsAt?.get(session.id),
    calendarAttached: true,
  });
  await enqueueEmail(tx, {
    to: recipient.email,
    practiceId: input.practiceId,
    ...email,
    calendar: {
      method,
      content: buildSessionInvitation({
        method,
        uid: sessionUid(session.id),
        sequence: session.icalSequence,
        start: session.startsAt,
        end: session.endsAt,
        title: invitationTitle(),
        location: session.place,
        remoteLink: session.remoteLink,
        description: invitationDescription(session),
        organizer: { name: session.supervisorName, email: session.supervisorEmail },
        attendeeEmail: recipient.email,
        stamp: input.now,
      }),
    },
  });
}

/**
 * A booking or change mailed when the reminder would already be due says all a reminder
 * would: it counts as the reminder for this start time, so none follows a minute later.
 */
async function coverReminder(
  tx: Db,
  input: SessionMailInput,
  session: MailedSession,
  recipients: readonly Recipient[],
): Promise<void> {
  const hours = session.reminderHoursBefore;
  if (hours === 0 || recipients.length === 0) return;
  const reminderDue = session.startsAt.getTime() - hours * 3_600_000;
  if (reminderDue > input.now.getTime()) return;
  await tx
    .insert(sessionReminders)
    .values(
      recipients.map((recipient) => ({
        sessionId: session.id,
        clientId: recipient.clientId,
        practiceId: input.practiceId,
        startsAt: session.startsAt,
      })),
    )
    .onConflictDoNothing();
}
