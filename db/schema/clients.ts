import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';

import { createdAt, id, timestamptz, updatedAt } from './columns';
import { practices } from './practices';

/** A supervisee (työnohjattava). The supervision-core issue extends this table. */
export const clients = pgTable(
  'clients',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email'),
    title: text('title'),
    organisation: text('organisation'),
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
