import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';

import { clients } from './clients';
import { createdAt, id, timestamptz } from './columns';
import { practices } from './practices';
import { users } from './users';
import { feedbackQuestionKinds } from './values';

/**
 * A supervisee's request for anonymous feedback from their own team. The title and the
 * shared link are sealed (docs/decisions/006); `responseCount` is the only trace of who has
 * answered — answers themselves are stored so that nobody can tell them apart by person
 * or by time (see `feedbackScaleTallies` and `feedbackTextAnswers`).
 */
export const feedbackRounds = pgTable(
  'feedback_rounds',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    /** The client row that stands for the supervisee, and their portal user. */
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    titleEncrypted: text('title_encrypted').notNull(),
    /** Answers are taken until this instant (the end of the closing day in Helsinki). */
    closesAt: timestamptz('closes_at').notNull(),
    /** Set when the supervisee closes the round early. */
    closedAt: timestamptz('closed_at'),
    /** The link anyone may answer through, sealed so its owner can see it again; looked up by hash. */
    sharedLinkEncrypted: text('shared_link_encrypted'),
    sharedTokenHash: text('shared_token_hash').unique(),
    responseCount: integer('response_count').notNull().default(0),
    /** When the supervisee let their supervisors see the results; null: not shared. */
    sharedWithSupervisorAt: timestamptz('shared_with_supervisor_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // The supervisee's list of their rounds; the client page's shared rounds.
    index('feedback_rounds_client_idx').on(t.practiceId, t.clientId),
  ],
);

/** A round's 3–8 questions: a starter question by its key, or one the supervisee wrote (sealed). */
export const feedbackQuestions = pgTable(
  'feedback_questions',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id')
      .notNull()
      .references(() => feedbackRounds.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    kind: text('kind', { enum: feedbackQuestionKinds }).notNull(),
    starterKey: text('starter_key'),
    promptEncrypted: text('prompt_encrypted'),
  },
  (t) => [
    index('feedback_questions_round_idx').on(t.roundId, t.position),
    check(
      'feedback_questions_one_prompt',
      sql`(${t.starterKey} is null) <> (${t.promptEncrypted} is null)`,
    ),
  ],
);

/**
 * A respondent's personal link to one round: good for one answer. No address is kept (it
 * lives only in the mail), and `answered` does not say which answer was theirs.
 */
export const feedbackInvitations = pgTable(
  'feedback_invitations',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id')
      .notNull()
      .references(() => feedbackRounds.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    answered: boolean('answered').notNull().default(false),
  },
  (t) => [index('feedback_invitations_round_idx').on(t.roundId)],
);

/**
 * Scale answers are kept only as counts per value: no row per answer, so no order of
 * arrival, no time and no way to join one person's answers across questions.
 */
export const feedbackScaleTallies = pgTable(
  'feedback_scale_tallies',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id')
      .notNull()
      .references(() => feedbackRounds.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => feedbackQuestions.id, { onDelete: 'cascade' }),
    value: smallint('value').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.questionId, t.value] }),
    check('feedback_scale_tallies_value', sql`${t.value} between 1 and 5`),
  ],
);

/**
 * Free-text answers, sealed. A random id and no time or respondent: shown in the order of
 * the random ids, so neither arrival nor person groups them.
 */
export const feedbackTextAnswers = pgTable(
  'feedback_text_answers',
  {
    id: uuid('id').primaryKey(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id')
      .notNull()
      .references(() => feedbackRounds.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => feedbackQuestions.id, { onDelete: 'cascade' }),
    textEncrypted: text('text_encrypted').notNull(),
  },
  (t) => [index('feedback_text_answers_question_idx').on(t.questionId, t.id)],
);

/** A practice's feedback settings: results need at least `minAnswers` answers (never below 3). */
export const practiceFeedbackSettings = pgTable(
  'practice_feedback_settings',
  {
    practiceId: uuid('practice_id')
      .primaryKey()
      .references(() => practices.id, { onDelete: 'cascade' }),
    minAnswers: smallint('min_answers').notNull().default(3),
  },
  (t) => [check('practice_feedback_settings_min', sql`${t.minAnswers} >= 3`)],
);

export type FeedbackRound = typeof feedbackRounds.$inferSelect;
export type FeedbackQuestion = typeof feedbackQuestions.$inferSelect;
