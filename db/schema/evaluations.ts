import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import { clients } from './clients';
import { createdAt, id, timestamptz } from './columns';
import { contractGoals, contracts } from './contracts';
import { practices } from './practices';
import { supervisionSessions } from './supervision-sessions';
import { users } from './users';
import { evaluationKinds, respondents } from './values';

/** A start, middle or end evaluation, answered by the supervisor or by a supervisee. */
export const evaluations = pgTable(
  'evaluations',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => supervisionSessions.id, {
      onDelete: 'set null',
    }),
    kind: text('kind', { enum: evaluationKinds }).notNull(),
    respondent: text('respondent', { enum: respondents }).notNull(),
    /** The supervisor who answered, or the supervisee (client) who did. */
    respondentUserId: uuid('respondent_user_id').references(() => users.id),
    respondentClientId: uuid('respondent_client_id').references(() => clients.id),
    /**
     * The member who entered the evaluation (their own view, or a supervisee's on paper).
     * Its comment is theirs alone, wherever the contract goes later (docs/decisions/008).
     */
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    /**
     * True when the supervisee answered in the portal themself (`recorded_by` is then their
     * own user): the comment is theirs, shared with the contract's supervisor.
     */
    recordedInPortal: boolean('recorded_in_portal').notNull().default(false),
    /** Free text, encrypted like note text. */
    commentEncrypted: text('comment_encrypted'),
    submittedAt: timestamptz('submitted_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // A contract's evaluations (the contract page).
    index('evaluations_contract_idx').on(t.contractId, t.kind),
    // The foreign key to the session (on delete set null): deleting a session, or a contract
    // or practice with their sessions, finds the evaluations that name it here, not by a scan.
    index('evaluations_session_idx').on(t.sessionId),
    // One evaluation per contract, kind and author: a resubmission edits it. The supervisor's
    // own view is keyed by the supervisor, a supervisee's view by the supervisee.
    uniqueIndex('evaluations_supervisor_once_idx')
      .on(t.contractId, t.kind, t.respondentUserId)
      .where(sql`respondent = 'supervisor'`),
    uniqueIndex('evaluations_supervisee_once_idx')
      .on(t.contractId, t.kind, t.respondentClientId)
      .where(sql`respondent = 'supervisee'`),
  ],
);

/** Goal attainment 1–5 per goal in one evaluation. */
export const evaluationScores = pgTable(
  'evaluation_scores',
  {
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => contractGoals.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.goalId] })],
);
