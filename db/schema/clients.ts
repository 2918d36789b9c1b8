import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';

import { createdAt, id, timestamptz, updatedAt } from './columns';
import { practices } from './practices';
import { users } from './users';

/** A supervisee (työnohjattava): usually a manager, sometimes a member of a team or group. */
export const clients = pgTable(
  'clients',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    title: text('title'),
    organisation: text('organisation'),
    /**
     * The postal address an invoice to the supervisee needs when they pay for their own
     * supervision (a contract with payer = supervisee); all three or the run leaves them out.
     * Personal data: shown to the practice's members, copied onto invoices, never logged.
     */
    streetAddress: text('street_address'),
    postalCode: text('postal_code'),
    city: text('city'),
    /** Free-text background, encrypted like note text (see docs/decisions/006). */
    backgroundEncrypted: text('background_encrypted'),
    /**
     * Who first wrote the background. They, and the supervisors of the client's contracts,
     * may read and change it (docs/decisions/008); null for backgrounds from before that rule.
     */
    backgroundAuthorId: uuid('background_author_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    /** Archived clients are kept (contracts and notes point to them) but listed apart. */
    archivedAt: timestamptz('archived_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The client list of a practice, by name.
    index('clients_practice_name_idx').on(t.practiceId, t.name),
  ],
);

export const backgroundAuditActions = ['read', 'write'] as const;

/** Who read or changed which client's background, and when. Never the text. */
export const clientBackgroundAuditLog = pgTable(
  'client_background_audit_log',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action', { enum: backgroundAuditActions }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // A client's trail; a practice's trail by time.
    index('client_background_audit_log_client_idx').on(t.clientId, t.createdAt),
    index('client_background_audit_log_practice_idx').on(t.practiceId, t.createdAt),
  ],
);

export type Client = typeof clients.$inferSelect;
