import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';

import { createdAt, id, timestamptz } from './columns';
import { practices } from './practices';
import { calendarMethods, outboxStatuses } from './values';

/**
 * Outgoing e-mail, written in the same transaction as the action that causes it and
 * delivered by the outbox worker. A one-time link never sits here in plain text: it is
 * sealed in `sealed_link` until delivery, and the body is cleared once delivered.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    practiceId: uuid('practice_id').references(() => practices.id, { onDelete: 'cascade' }),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    /** The body with its secret link (if any) redacted; null once delivered. */
    textBody: text('text_body'),
    /**
     * The mail's secret link (reset, invitation, verification), sealed with the notes keyring
     * and bound to this row; the worker unseals it only to send, then it is deleted.
     */
    sealedLink: text('sealed_link'),
    /** The iTIP method of the calendar part, when the mail carries one (session mail). */
    calendarMethod: text('calendar_method', { enum: calendarMethods }),
    /** The iCalendar text sent as the mail's text/calendar part; null once delivered. */
    calendarBody: text('calendar_body'),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Not claimable before this instant: back-off after a failure, or a worker's lease. */
    availableAt: timestamptz('available_at').notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamptz('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // The worker's claim: pending rows whose time has come, oldest first.
    index('outbox_pending_idx').on(t.status, t.availableAt),
    // The development mail page lists a practice's mail.
    index('outbox_practice_id_idx').on(t.practiceId, t.createdAt),
  ],
);

export type OutboxMessage = typeof outbox.$inferSelect;
