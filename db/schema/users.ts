import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';

import { createdAt, id, timestamptz, updatedAt } from './columns';
import { locales } from './values';

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Always stored lower-cased and trimmed; see normaliseEmail(). */
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Preferred UI language; null means "follow the browser". */
    locale: text('locale', { enum: locales }),
    /** When the user proved they read mail at `email`; until then nothing is mailed to others. */
    emailVerifiedAt: timestamptz('email_verified_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Log-in, sign-up and invitation look users up by e-mail.
    uniqueIndex('users_email_key').on(t.email),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
