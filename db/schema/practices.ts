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
import { maxReminderHoursBefore, practiceRoles } from './values';

/** A supervision practice: a company or a sole trader. Every tenant-owned row points here. */
export const practices = pgTable(
  'practices',
  {
    id: id(),
    name: text('name').notNull(),
    /** The owner's rule: members, and supervisees in the portal, must use two-factor sign-in. */
    requireTwoFactorStaff: boolean('require_two_factor_staff').notNull().default(false),
    requireTwoFactorSupervisees: boolean('require_two_factor_supervisees').notNull().default(false),
    /** Hours before a session that its participants are reminded by mail; 0 sends none. */
    reminderHoursBefore: integer('reminder_hours_before').notNull().default(24),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      'practices_reminder_hours_before_range',
      sql`${t.reminderHoursBefore} between 0 and ${sql.raw(String(maxReminderHoursBefore))}`,
    ),
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
