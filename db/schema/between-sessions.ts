import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import { clients } from './clients';
import { createdAt, id, updatedAt } from './columns';
import { agreedActions } from './notes';
import { practices } from './practices';
import { supervisionSessions } from './supervision-sessions';
import { users } from './users';
import { actionMarkStates, reflectionMoments, sessionRequestKinds } from './values';

/**
 * What the supervisee did with an agreed action: one row per action and participant, so in
 * a group each participant marks the group's actions for themself and nobody else sees it.
 * The comment is the supervisee's own text, sealed (docs/decisions/006), readable by them
 * and by the session's supervisor.
 */
export const agreedActionMarks = pgTable(
  'agreed_action_marks',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    actionId: uuid('action_id')
      .notNull()
      .references(() => agreedActions.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    markedBy: uuid('marked_by').references(() => users.id, { onDelete: 'set null' }),
    state: text('state', { enum: actionMarkStates }).notNull(),
    commentEncrypted: text('comment_encrypted'),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One mark per action and participant; also a participant's marks of an action.
    uniqueIndex('agreed_action_marks_action_client_key').on(t.actionId, t.clientId),
  ],
);

/**
 * A supervisee's own reflection on a session, before it ("what do I want to bring?") or
 * after it. Sealed and bound to its row; read by its author and the session's supervisor.
 */
export const sessionReflections = pgTable(
  'session_reflections',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => supervisionSessions.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    moment: text('moment', { enum: reflectionMoments }).notNull(),
    textEncrypted: text('text_encrypted').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One reflection per session, participant and moment; a session's reflections.
    uniqueIndex('session_reflections_session_client_moment_key').on(
      t.sessionId,
      t.clientId,
      t.moment,
    ),
  ],
);

/**
 * A supervisee's message to the supervisor about a coming session (a new time, or that they
 * cannot come). The mail only says that a message is waiting; the text stays here, sealed.
 */
export const sessionRequests = pgTable(
  'session_requests',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => supervisionSessions.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: sessionRequestKinds }).notNull(),
    messageEncrypted: text('message_encrypted').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // A session's requests, in order, on the staff session page.
    index('session_requests_session_idx').on(t.sessionId, t.createdAt),
  ],
);
