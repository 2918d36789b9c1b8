import { sql } from 'drizzle-orm';
import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import { clients } from './clients';
import { createdAt, id, timestamptz } from './columns';
import { practices } from './practices';
import { users } from './users';

/**
 * A supervisee's way into the portal: the user account that stands for a client row of a
 * practice. A person supervised in two practices has one user and two rows. Revoking keeps
 * the row (who had access, until when) and ends the access at once.
 */
export const portalAccess = pgTable(
  'portal_access',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    revokedAt: timestamptz('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    // A client row has at most one live account; a user finds their practices by user id.
    uniqueIndex('portal_access_live_client_key')
      .on(t.clientId)
      .where(sql`${t.revokedAt} is null`),
    index('portal_access_user_idx').on(t.userId),
  ],
);

/** Single-use invitations of a client to the portal; only the SHA-256 of the token is kept. */
export const portalInvitations = pgTable(
  'portal_invitations',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    /** The address the link was sent to: accepting proves it. */
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamptz('expires_at').notNull(),
    acceptedAt: timestamptz('accepted_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // The client page shows the latest invitation; a new one voids the older ones.
    index('portal_invitations_client_idx').on(t.clientId, t.createdAt),
  ],
);

export type PortalAccess = typeof portalAccess.$inferSelect;
