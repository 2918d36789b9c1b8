import { index, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';

import { clients } from './clients';
import { createdAt, timestamptz } from './columns';
import { practices } from './practices';
import { supervisionSessions } from './supervision-sessions';

/**
 * Which participant has had the reminder of which session, for the start time it was booked
 * at then. The reminder sweep claims a row here in the transaction that queues the mail, so
 * the primary key decides between two sweeps running at once; a session moved to another
 * time is reminded again. A booking or change mailed inside the reminder window claims the
 * row too: that mail already tells the time.
 */
export const sessionReminders = pgTable(
  'session_reminders',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => supervisionSessions.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    startsAt: timestamptz('starts_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.clientId, t.startsAt] }),
    // Deleting a client (erasure) finds their rows without a scan.
    index('session_reminders_client_idx').on(t.clientId),
  ],
);
