import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';

import { createdAt, id, timestamptz, updatedAt } from './columns';
import { users } from './users';
import {
  maxPaymentTermDays,
  maxReminderHoursBefore,
  practiceRoles,
  practiceSettingGroups,
} from './values';

/** A supervision practice: a company or a sole trader. Every tenant-owned row points here. */
export const practices = pgTable(
  'practices',
  {
    id: id(),
    name: text('name').notNull(),
    /**
     * How supervisees and commissioners reach the practice: shown in the portal. Optional;
     * the owner keeps them on the practice profile page.
     */
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    /** The owner's rule: members, and supervisees in the portal, must use two-factor sign-in. */
    requireTwoFactorStaff: boolean('require_two_factor_staff').notNull().default(false),
    requireTwoFactorSupervisees: boolean('require_two_factor_supervisees').notNull().default(false),
    /** Hours before a session that its participants are reminded by mail; 0 sends none. */
    reminderHoursBefore: integer('reminder_hours_before').notNull().default(24),
    /*
     * The seller's details on a lawful Finnish invoice (VAT Act 209 e §) and where it is paid.
     * Null until the owner fills them in; no invoice run starts while one of them (the VAT
     * number excepted) is missing — see app/billing/invoicing-details.server.ts.
     */
    /** The registered name (toiminimi), which may differ from the practice's `name`. */
    legalName: text('legal_name'),
    streetAddress: text('street_address'),
    postalCode: text('postal_code'),
    city: text('city'),
    /** Y-tunnus, always `1234567-8`. */
    businessId: text('business_id'),
    /**
     * ALV-tunniste, always `FI12345678`. Null for a practice not registered for VAT (sales
     * under the threshold of the VAT Act's § 3): every line it invoices must then be exempt.
     */
    vatNumber: text('vat_number'),
    /** The Finnish IBAN invoices are paid to, compact (`FI` + 16 digits). */
    iban: text('iban'),
    /** Days from the invoice date to its due date: "14 päivää netto" by default. */
    paymentTermDays: integer('payment_term_days').notNull().default(14),
    /** The number the next invoice gets, taken under a lock of this row (ADR 017). */
    nextInvoiceNumber: integer('next_invoice_number').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      'practices_reminder_hours_before_range',
      sql`${t.reminderHoursBefore} between 0 and ${sql.raw(String(maxReminderHoursBefore))}`,
    ),
    check(
      'practices_payment_term_days_range',
      sql`${t.paymentTermDays} between 0 and ${sql.raw(String(maxPaymentTermDays))}`,
    ),
    check('practices_next_invoice_number_positive', sql`${t.nextInvoiceNumber} >= 1`),
  ],
);

/**
 * Who changed which of the practice's settings, and when: the names of the fields, never
 * their values. A changed IBAN is how invoice fraud shows, so it must be traceable.
 */
export const practiceSettingsAuditLog = pgTable(
  'practice_settings_audit_log',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    setting: text('setting', { enum: practiceSettingGroups }).notNull(),
    changedFields: text('changed_fields').array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // A practice's trail by time.
    index('practice_settings_audit_log_practice_idx').on(t.practiceId, t.createdAt),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: practiceRoles }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.userId] }),
    // "Which practices does this user belong to?" at every signed-in request.
    index('memberships_user_id_idx').on(t.userId),
  ],
);

/** An owner's invitation to join the practice; only the SHA-256 of the link token is stored. */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: practiceRoles }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamptz('expires_at').notNull(),
    acceptedAt: timestamptz('accepted_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // The members page lists a practice's open invitations.
    index('invitations_practice_id_idx').on(t.practiceId),
  ],
);

export type Practice = typeof practices.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type PracticeSettingsAuditEntry = typeof practiceSettingsAuditLog.$inferSelect;
