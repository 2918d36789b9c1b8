import { index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

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
    /** Free text, encrypted like note text. */
    commentEncrypted: text('comment_encrypted'),
    submittedAt: timestamptz('submitted_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // A contract's evaluations (the contract page).
    index('evaluations_contract_idx').on(t.contractId, t.kind),
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
