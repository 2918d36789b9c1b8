import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import { clients } from './clients';
import { createdAt, id, timestamptz, updatedAt } from './columns';
import { commissioners } from './commissioners';
import { practices } from './practices';
import { users } from './users';
import { contractStatuses, disclosureLevels, payers, supervisionForms, themes } from './values';

/**
 * A supervision contract (työnohjaussopimus): supervisor, supervisee(s) and commissioner,
 * with what the profession's checklist asks to agree on.
 */
export const contracts = pgTable(
  'contracts',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    supervisorId: uuid('supervisor_id')
      .notNull()
      .references(() => users.id),
    commissionerId: uuid('commissioner_id')
      .notNull()
      .references(() => commissioners.id),
    /** Short code shown instead of names where names must not appear (calendar feeds). */
    code: text('code').notNull(),
    form: text('form', { enum: supervisionForms }).notNull(),
    status: text('status', { enum: contractStatuses }).notNull().default('draft'),
    sessionsAgreed: integer('sessions_agreed').notNull(),
    sessionMinutes: integer('session_minutes').notNull(),
    /** Weeks between sessions, e.g. 3 for "every three weeks"; null when irregular. */
    rhythmWeeks: integer('rhythm_weeks'),
    location: text('location'),
    remoteLink: text('remote_link'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    plannedEndOn: date('planned_end_on', { mode: 'string' }),
    guidingQuestion: text('guiding_question'),
    methods: text('methods'),
    /** Price of one session without VAT, in cents. */
    priceCents: integer('price_cents').notNull(),
    /** VAT in basis points (2550 = 25.5 %), or null when the sale is exempt. */
    vatRateBasisPoints: integer('vat_rate_basis_points'),
    /** The legal reason printed on invoices when exempt from VAT. */
    vatExemptReason: text('vat_exempt_reason'),
    payer: text('payer', { enum: payers }).notNull().default('commissioner'),
    cancellationNoticeHours: integer('cancellation_notice_hours').notNull().default(24),
    chargeLateCancellation: boolean('charge_late_cancellation').notNull().default(true),
    chargeNoShow: boolean('charge_no_show').notNull().default(true),
    commissionerDisclosure: text('commissioner_disclosure', { enum: disclosureLevels })
      .notNull()
      .default('attendance'),
    /** How long the process's data is kept after it ends. */
    retentionMonths: integer('retention_months').notNull().default(24),
    activatedAt: timestamptz('activated_at'),
    endedAt: timestamptz('ended_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Contract codes are unique within a practice.
    uniqueIndex('contracts_practice_code_key').on(t.practiceId, t.code),
    // A supervisor's contracts, by state (the contract list, the booking form).
    index('contracts_supervisor_status_idx').on(t.supervisorId, t.status),
    // A commissioner's contracts (its page, invoicing).
    index('contracts_commissioner_idx').on(t.commissionerId),
  ],
);

/** The supervisees of a contract: one for individual supervision, several for team or group. */
export const contractParticipants = pgTable(
  'contract_participants',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.clientId] }),
    // A client's contracts (the client page).
    index('contract_participants_client_idx').on(t.clientId),
  ],
);

/** Goals agreed in the contract, each optionally tied to one of the four themes. */
export const contractGoals = pgTable(
  'contract_goals',
  {
    id: id(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    theme: text('theme', { enum: themes }),
    createdAt: createdAt(),
  },
  (t) => [
    // A contract's goals in order.
    index('contract_goals_contract_idx').on(t.contractId, t.position),
  ],
);

export type Contract = typeof contracts.$inferSelect;
export type ContractGoal = typeof contractGoals.$inferSelect;
