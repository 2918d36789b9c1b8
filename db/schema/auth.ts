import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';

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
    createdAt: createdAt(),
  },
  (t) => [
    // Invalidating every session of a user (logout everywhere, password change).
    index('sessions_user_id_idx').on(t.userId),
  ],
);

/** Every log-in attempt, kept for 24 h; throttling counts recent failures per account and IP. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: id(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // Failures for one account within the window.
    index('login_attempts_email_idx').on(t.email, t.createdAt),
    // Failures from one address within the window.
    index('login_attempts_ip_idx').on(t.ip, t.createdAt),
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

export type AuthSession = typeof authSessions.$inferSelect;
