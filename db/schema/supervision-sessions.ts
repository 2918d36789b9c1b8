import { boolean, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

import { clients } from './clients';
import { createdAt, id, timestamptz, updatedAt } from './columns';
import { contracts } from './contracts';
import { practices } from './practices';
import { users } from './users';
import { cancellers, evaluationKinds, sessionChangeKinds, sessionStatuses } from './values';

/** One supervision session (istunto) of a contract. */
export const supervisionSessions = pgTable(
  'supervision_sessions',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    /** Copied from the contract so double-booking checks and calendars need no join. */
    supervisorId: uuid('supervisor_id')
      .notNull()
      .references(() => users.id),
    startsAt: timestamptz('starts_at').notNull(),
    endsAt: timestamptz('ends_at').notNull(),
    status: text('status', { enum: sessionStatuses }).notNull().default('scheduled'),
    /** Set when the session is also one of the contract's evaluation points. */
    evaluationKind: text('evaluation_kind', { enum: evaluationKinds }),
    /** Overrides the contract's place or remote link for this session. */
    location: text('location'),
    /** Sessions booked together as a series ("every 3 weeks, 10 times") share this id. */
    seriesId: uuid('series_id'),
    cancelledAt: timestamptz('cancelled_at'),
    /** Cancelled inside the contract's notice period. */
    cancelledLate: boolean('cancelled_late'),
    cancelledBy: text('cancelled_by', { enum: cancellers }),
    /** Why it was called off, in the supervisor's words; never shown outside the practice. */
    cancellationReason: text('cancellation_reason'),
    /** Set when the supervisor waives a charge the contract would allow; says why. */
    chargeWaivedReason: text('charge_waived_reason'),
    /** Booked past the contract's allowance, explicitly, as an extra session. */
    extra: boolean('extra').notNull().default(false),
    /**
     * When the session reached an invoice. Billing does not exist yet; once it sets this,
     * the outcome is no longer correctable (see isOutcomeCorrectable).
     */
    invoicedAt: timestamptz('invoiced_at'),
    /** Whether the session is invoiced: held, or late-cancelled / no-show per the contract. */
    chargeable: boolean('chargeable').notNull().default(true),
    /** iCalendar SEQUENCE: bumped on every change a subscribed calendar must pick up. */
    icalSequence: integer('ical_sequence').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The supervisor's calendar and the double-booking check: sessions in a time range.
    index('supervision_sessions_supervisor_time_idx').on(t.supervisorId, t.startsAt),
    // A contract's sessions in order (progress "4 of 10", the timeline).
    index('supervision_sessions_contract_time_idx').on(t.contractId, t.startsAt),
    // Progress of a page of contracts, "4 of 10" (contractProgress in
    // app/contracts/progress.server.ts): each contract's sessions counted from the index alone.
    index('supervision_sessions_contract_progress_idx').on(
      t.contractId,
      t.practiceId,
      t.status,
      t.chargeable,
    ),
    // The invoice run: a practice's sessions in a period (billable-sessions.server.ts).
    index('supervision_sessions_practice_time_idx').on(t.practiceId, t.startsAt),
  ],
);

/** What happened to a session and when: rescheduling keeps its history here. */
export const sessionChanges = pgTable(
  'session_changes',
  {
    id: id(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => supervisionSessions.id, { onDelete: 'cascade' }),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: sessionChangeKinds }).notNull(),
    previousStartsAt: timestamptz('previous_starts_at'),
    previousEndsAt: timestamptz('previous_ends_at'),
    newStartsAt: timestamptz('new_starts_at'),
    newEndsAt: timestamptz('new_ends_at'),
    /** For an outcome correction: the status before and after. */
    previousStatus: text('previous_status', { enum: sessionStatuses }),
    newStatus: text('new_status', { enum: sessionStatuses }),
    createdAt: createdAt(),
  },
  (t) => [
    // A session's history in order.
    index('session_changes_session_idx').on(t.sessionId, t.createdAt),
  ],
);

/** Who of a group or team attended; individual sessions need no rows here. */
export const sessionAttendance = pgTable(
  'session_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => supervisionSessions.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    attended: boolean('attended').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.clientId] })],
);

export type SupervisionSession = typeof supervisionSessions.$inferSelect;
