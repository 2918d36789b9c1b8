import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import { clients } from './clients';
import { createdAt, id, timestamptz, updatedAt } from './columns';
import { contracts } from './contracts';
import { practices } from './practices';
import { users } from './users';
import { themes } from './values';

/**
 * The practice's toolkit: exercises a supervisor can give as work between sessions. The text
 * is the practice's own teaching material (not confidential), in Finnish and English.
 */
export const exercises = pgTable(
  'exercises',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    /** Which built-in exercise this row was copied from; null for the practice's own. */
    starterKey: text('starter_key'),
    theme: text('theme', { enum: themes }),
    titleFi: text('title_fi').notNull(),
    titleEn: text('title_en').notNull(),
    instructionsFi: text('instructions_fi').notNull(),
    instructionsEn: text('instructions_en').notNull(),
    /** Archived exercises are not offered any more; assignments of them keep working. */
    archivedAt: timestamptz('archived_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The starter set is copied into a practice once: a second copy is refused.
    uniqueIndex('exercises_practice_starter_key')
      .on(t.practiceId, t.starterKey)
      .where(sql`${t.starterKey} is not null`),
    // The practice's toolkit page and the assignment form.
    index('exercises_practice_idx').on(t.practiceId, t.archivedAt),
  ],
);

/**
 * One exercise given to one participant of a contract. The answer is the supervisee's own
 * text, sealed like note text; the supervisor reads it only once it is submitted and shared.
 */
export const exerciseAssignments = pgTable(
  'exercise_assignments',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'cascade' }),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    /** The participant the exercise is for; in a group nobody else sees it. */
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    dueOn: date('due_on', { mode: 'string' }),
    /** The answer, sealed with the context `exercise-answer:<id>`. */
    answerEncrypted: text('answer_encrypted'),
    answerSavedAt: timestamptz('answer_saved_at'),
    /** Null while the answer is a draft. */
    submittedAt: timestamptz('submitted_at'),
    /** Set while the supervisee shares the submitted answer with their supervisor. */
    sharedAt: timestamptz('shared_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // A contract's assignments (the staff contract page).
    index('exercise_assignments_contract_idx').on(t.contractId),
    // A supervisee's assignments (the portal list).
    index('exercise_assignments_client_idx').on(t.clientId, t.createdAt),
  ],
);

export type Exercise = typeof exercises.$inferSelect;
export type ExerciseAssignment = typeof exerciseAssignments.$inferSelect;
