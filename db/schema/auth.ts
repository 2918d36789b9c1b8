import { boolean, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

import { createdAt, id, timestamptz } from './columns';
import { practices } from './practices';
import { users } from './users';

/**
 * Log-in sessions (Lucia's design): the cookie holds `<id>.<secret>`; only the SHA-256 of
 * the secret is stored, so a database leak yields no usable session.
 */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The practice the user is working in; null until chosen (first membership is used). */
    practiceId: uuid('practice_id').references(() => practices.id, { onDelete: 'set null' }),
    expiresAt: timestamptz('expires_at').notNull(),
    /**
     * A practice of the user requires two-factor authentication and the user had none when
     * signing in: every page but the enrolment page leads there until it is set up.
     */
    twoFactorSetupRequired: boolean('two_factor_setup_required').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    // Invalidating every session of a user (logout everywhere, password change).
    index('sessions_user_id_idx').on(t.userId),
  ],
);

/**
 * Fixed-window counters for every throttle (log-in, password checks, invitations, reset and
 * verification mails). One row per scope and key, bumped with a single
 * INSERT … ON CONFLICT DO UPDATE … RETURNING, so concurrent requests each get their own count.
 */
export const throttleCounters = pgTable(
  'throttle_counters',
  {
    /** What is limited, e.g. `login-account`; `key` is whose attempts they are. */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    windowStartedAt: timestamptz('window_started_at').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    // The clean-up deletes counters whose window ended long ago.
    index('throttle_counters_window_idx').on(t.windowStartedAt),
  ],
);

/** Single-use password-reset links; only the SHA-256 of the token is stored. */
export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // Cancelling a user's outstanding links when the password changes.
    index('password_resets_user_id_idx').on(t.userId),
  ],
);

/**
 * Single-use links that confirm a user's e-mail address; only the SHA-256 of the token is
 * stored. The address is kept so a link proves the address it was sent to.
 */
export const emailVerifications = pgTable(
  'email_verifications',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // Spending a user's other links once one is used.
    index('email_verifications_user_id_idx').on(t.userId),
  ],
);

/**
 * Sign-in without a password: a mail carries a 6-digit code and a link, valid 15 minutes and
 * spent together (using one spends both). Neither is stored: the code only as an HMAC keyed
 * by the row's random salt, the link's token only as its SHA-256. The address is kept so a
 * code proves the address it was sent to, not whatever the account holds later.
 */
export const signInCodes = pgTable(
  'sign_in_codes',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    codeSalt: text('code_salt').notNull(),
    codeHash: text('code_hash').notNull(),
    linkTokenHash: text('link_token_hash').notNull().unique(),
    expiresAt: timestamptz('expires_at').notNull(),
    /** Set when the code or the link signs someone in, or a newer request replaces it. */
    usedAt: timestamptz('used_at'),
    /** Wrong codes entered; at 5 the code (and its link) no longer work. */
    failedGuesses: integer('failed_guesses').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    // Finding the live code of the address a code is entered for; voiding a user's older ones.
    index('sign_in_codes_email_idx').on(t.email),
    index('sign_in_codes_user_id_idx').on(t.userId),
  ],
);

export type AuthSession = typeof authSessions.$inferSelect;
