import { randomUUID } from 'node:crypto';

import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import { type CalendarMethod, outbox, type OutboxMessage } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { assertRole, type MemberActor } from '~/practices/actor';
import { type NoteKeyring } from '~/security/sealing.server';

import { redactLink, sealLink, unsealBody } from './sealed-link.server';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** The practice the mail belongs to; null for account mail such as password resets. */
  practiceId?: string | null;
  /**
   * A link in `text` that works by itself (reset, invitation, verification). It is stored
   * only sealed with the keyring, and the stored body shows it redacted.
   */
  secretLink?: { url: string; keyring: NoteKeyring };
  /** An iCalendar invitation or cancellation, sent as the mail's text/calendar part. */
  calendar?: MailCalendarPart;
}

export interface MailCalendarPart {
  method: CalendarMethod;
  /** iCalendar text whose METHOD is `method`. */
  content: string;
}

/** What a domain function needs to queue mail holding a secret link. */
export interface LinkMailSetup {
  appOrigin: string;
  keyring: NoteKeyring;
}

/**
 * Queues an e-mail. Call it with the transaction of the action that causes the mail, so
 * the mail exists exactly when the action committed.
 */
export async function enqueueEmail(db: Db, email: OutgoingEmail): Promise<void> {
  const id = randomUUID();
  const secret = email.secretLink;
  // A link missing from the text would be sealed but never redacted or delivered.
  if (secret && !email.text.includes(secret.url)) throw new Error('secretLink is not in the text');
  await db.insert(outbox).values({
    id,
    toAddress: email.to,
    subject: email.subject,
    textBody: secret ? email.text.replaceAll(secret.url, redactLink(secret.url)) : email.text,
    sealedLink: secret ? sealLink(secret.keyring, id, secret.url) : null,
    calendarMethod: email.calendar?.method ?? null,
    calendarBody: email.calendar?.content ?? null,
    practiceId: email.practiceId ?? null,
    // Due from now on the clock the workers compare with (whole milliseconds). The column's
    // default, the database's now(), has microseconds: a worker sweeping within the same
    // millisecond would find the message not yet due and leave it for its next round.
    availableAt: new Date(),
  });
}

/** After this many failed deliveries a message is marked failed and left alone. */
export const MAX_DELIVERY_ATTEMPTS = 8;
/**
 * How long a worker owns a claimed message before another worker may retry it: well past
 * one SMTP exchange (see the timeouts in smtp.server.ts), so only a worker that died or
 * lost its database loses its messages to another.
 */
export const LEASE_MS = 2 * 60 * 1000;

/**
 * Claims up to `limit` due messages. The claim is a lease (available_at pushed forward)
 * taken with FOR UPDATE SKIP LOCKED, so concurrent workers (in this process or another app
 * instance on the same database) never take the same row, and the SMTP exchange happens
 * outside any transaction. Each claim adds one to `attempts`, which makes the count the
 * claim's token: a worker whose lease ran out and was taken over holds an older count, and
 * `renewClaim`, `markSent` and `markFailedAttempt` no longer match its row.
 */
export async function claimDueMessages(
  db: Db,
  limit: number,
  now = new Date(),
): Promise<OutboxMessage[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), lte(outbox.availableAt, now)))
      .orderBy(asc(outbox.availableAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({
        availableAt: new Date(now.getTime() + LEASE_MS),
        attempts: sql`${outbox.attempts} + 1`,
      })
      .where(
        inArray(
          outbox.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
  });
}

/** The claim a worker holds: the message and the attempt count its claim set. */
export type ClaimedMessage = Pick<OutboxMessage, 'id' | 'attempts'>;

const stillClaimed = (message: ClaimedMessage) =>
  and(
    eq(outbox.id, message.id),
    eq(outbox.attempts, message.attempts),
    eq(outbox.status, 'pending'),
  );

/**
 * Extends the lease of a claimed message just before it is sent; false when the claim was
 * lost (the lease ran out and another worker took the message), and the message must then
 * not be sent. A batch is claimed at once but sent one by one, so without this a slow SMTP
 * server could let the last messages of a batch outlive their lease.
 */
export async function renewClaim(
  db: Db,
  message: ClaimedMessage,
  now = new Date(),
): Promise<boolean> {
  const renewed = await db
    .update(outbox)
    .set({ availableAt: new Date(now.getTime() + LEASE_MS) })
    .where(stillClaimed(message))
    .returning({ id: outbox.id });
  return renewed.length > 0;
}

export async function markSent(db: Db, message: ClaimedMessage, now = new Date()): Promise<void> {
  // Once delivered, neither the link nor the rest of the body has a reason to stay.
  await db
    .update(outbox)
    .set({
      status: 'sent',
      sentAt: now,
      textBody: null,
      sealedLink: null,
      calendarBody: null,
      lastError: null,
    })
    .where(stillClaimed(message));
}

/** Exponential back-off: 30 s, 1 min, 2 min, … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

export async function markFailedAttempt(
  db: Db,
  message: ClaimedMessage,
  error: string,
  now = new Date(),
): Promise<void> {
  const givingUp = message.attempts >= MAX_DELIVERY_ATTEMPTS;
  await db
    .update(outbox)
    .set({
      status: givingUp ? 'failed' : 'pending',
      lastError: error.slice(0, 500),
      // A message given up on will never be sent: its link goes now.
      ...(givingUp ? { sealedLink: null } : {}),
      availableAt: new Date(now.getTime() + retryDelayMs(message.attempts)),
    })
    .where(stillClaimed(message));
}

/**
 * Mail for the development mail page (owners only): the practice's, plus account mail with
 * no practice, with undelivered links unsealed so they can be followed.
 */
export async function listOutboxForPractice(
  { db, keyring }: DomainContext,
  actor: MemberActor,
  limit = 50,
) {
  assertRole(actor, 'owner');
  const rows = await db
    .select()
    .from(outbox)
    .where(or(eq(outbox.practiceId, actor.practiceId), isNull(outbox.practiceId)))
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
  return rows.map(({ sealedLink, ...message }) => ({
    ...message,
    textBody: unsealBody(keyring, { ...message, sealedLink }),
  }));
}
