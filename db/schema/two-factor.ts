import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import { createdAt, id, timestamptz, updatedAt } from './columns';
import { users } from './users';
import { securityEventKinds } from './values';

/**
 * A user's TOTP authenticator (RFC 6238). The shared secret is sealed with the notes keyring
 * and bound to the user (`totp-secret:<userId>`), so a database dump cannot mint codes. A row
 * without `enabled_at` is an enrolment not confirmed yet; only an enabled one is asked for
 * at sign-in.
 */
export const userTotp = pgTable('user_totp', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretEncrypted: text('secret_encrypted').notNull(),
  enabledAt: timestamptz('enabled_at'),
  /**
   * The time step (30 s periods since 1970) of the last code accepted. A code of this step
   * or an earlier one is refused, so a code seen over someone's shoulder cannot be replayed.
   */
  lastUsedStep: integer('last_used_step'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Single-use recovery codes; only the SHA-256 of each (high-entropy) code is stored. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamptz('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // Sign-in looks a typed code up by its owner and hash; regenerating deletes by owner.
    uniqueIndex('recovery_codes_user_hash_key').on(t.userId, t.codeHash),
  ],
);

/** Who changed what about their account's protection, and when; never a secret or a code. */
export const securityEvents = pgTable(
  'security_events',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: securityEventKinds }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // A user's own history, newest first.
    index('security_events_user_idx').on(t.userId, t.createdAt),
  ],
);

/**
 * A sign-in whose first factor passed and whose second is still to come. The browser holds a
 * random token in an HttpOnly cookie; only its SHA-256 is stored. Short-lived and spent when
 * the second factor is accepted.
 */
export const pendingSignIns = pgTable(
  'pending_sign_ins',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Where to go once signed in: a path of our own site, already checked. */
    redirectTo: text('redirect_to').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // Dropping a user's pending sign-ins once one completes.
    index('pending_sign_ins_user_id_idx').on(t.userId),
  ],
);

export type UserTotp = typeof userTotp.$inferSelect;
