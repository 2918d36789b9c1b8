import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';

import { createdAt, id, timestamptz, updatedAt } from './columns';
import { practices } from './practices';

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
    /** Free-text background, encrypted like note text (see docs/decisions/006). */
    backgroundEncrypted: text('background_encrypted'),
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

export type Client = typeof clients.$inferSelect;
