import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';

import { createdAt, id, timestamptz } from './columns';
import { practices } from './practices';
import { users } from './users';

/**
 * A supervisor's secret iCalendar subscription. The URL carries a random token; only its
 * SHA-256 is stored. Revoking makes the URL answer 404.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    /**
     * Off by default: events show only a contract code, never names nor the meeting place
     * (a place usually names the client's workplace). One switch covers both.
     */
    showNames: boolean('show_names').notNull().default(false),
    revokedAt: timestamptz('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // A supervisor's feeds (the settings page).
    index('calendar_feeds_user_idx').on(t.userId),
  ],
);
