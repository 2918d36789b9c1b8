import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';

import { createdAt, id, timestamptz, updatedAt } from './columns';
import { practices } from './practices';
import { supervisionSessions } from './supervision-sessions';
import { users } from './users';
import { noteAuditActions, themes } from './values';

/**
 * The supervisor's note on one session. Every text is encrypted by the application
 * (docs/decisions/006): `privateEncrypted` holds the private working notes per theme and a
 * general part — readable by `authorId` alone, ever; `sharedDraftEncrypted` holds the
 * shared summary per theme as it is being written, visible to the supervisee only through a
 * publication.
 */
export const sessionNotes = pgTable('session_notes', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => supervisionSessions.id, { onDelete: 'cascade' }),
  practiceId: uuid('practice_id')
    .notNull()
    .references(() => practices.id, { onDelete: 'cascade' }),
  authorId: uuid('author_id')
    .notNull()
    .references(() => users.id),
  privateEncrypted: text('private_encrypted'),
  sharedDraftEncrypted: text('shared_draft_encrypted'),
  /** Themes the session mainly addressed: derived from the parts written, editable. */
  themes: text('themes', { enum: themes }).array().notNull().default([]),
  /** Optimistic concurrency: a save names the version it edited; a stale one is refused. */
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Each release of the shared summary to the supervisee(s); earlier ones stay as history. */
export const summaryPublications = pgTable(
  'summary_publications',
  {
    id: id(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => supervisionSessions.id, { onDelete: 'cascade' }),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    /** 1 for the first release, then 2, 3, … */
    revision: integer('revision').notNull(),
    contentEncrypted: text('content_encrypted').notNull(),
    publishedBy: uuid('published_by')
      .notNull()
      .references(() => users.id),
    publishedAt: timestamptz('published_at').notNull().defaultNow(),
  },
  (t) => [
    // The latest publication of a session, and its history.
    index('summary_publications_session_idx').on(t.sessionId, t.revision),
  ],
);

/** Actions agreed in a session; the supervisee can mark them done once published. */
export const agreedActions = pgTable(
  'agreed_actions',
  {
    id: id(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => supervisionSessions.id, { onDelete: 'cascade' }),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    textEncrypted: text('text_encrypted').notNull(),
    doneAt: timestamptz('done_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // A session's actions in order.
    index('agreed_actions_session_idx').on(t.sessionId, t.position),
  ],
);

/** Who read or changed which session's notes, and when. Never the text. */
export const noteAuditLog = pgTable(
  'note_audit_log',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => supervisionSessions.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action', { enum: noteAuditActions }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // A session's audit trail; a practice's trail by time.
    index('note_audit_log_session_idx').on(t.sessionId, t.createdAt),
    index('note_audit_log_practice_idx').on(t.practiceId, t.createdAt),
  ],
);

/** A practice's own edited copy of the prompt bank; without rows the built-in bank is used. */
export const practicePrompts = pgTable(
  'practice_prompts',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    theme: text('theme', { enum: themes }).notNull(),
    position: integer('position').notNull(),
    fi: text('fi').notNull(),
    en: text('en').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The bank of one practice, theme by theme in order.
    index('practice_prompts_practice_idx').on(t.practiceId, t.theme, t.position),
  ],
);

export type SessionNote = typeof sessionNotes.$inferSelect;
