/** The practice's toolkit of exercises: listing, the starter set, and the owner's edits. */
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import { exercises } from '#db/schema';
import type { Theme } from '#db/schema/values';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import { mayEditToolkit } from './access.server';
import { starterExercises } from './starter-set';

/**
 * Copies the starter set into the practice once. New practices get it at sign-up; practices
 * made before the toolkit existed get it the first time the toolkit is opened. A starter
 * exercise the owner archived stays archived: once any copy exists nothing is added again.
 */
export async function addStarterExercises(db: Db, practiceId: string): Promise<void> {
  const [copied] = await db
    .select({ id: exercises.id })
    .from(exercises)
    .where(and(eq(exercises.practiceId, practiceId), isNotNull(exercises.starterKey)))
    .limit(1);
  if (copied) return;
  // The toolkit lists oldest first: a millisecond apart, the set keeps the order it is written in.
  const base = Date.now();
  await db
    .insert(exercises)
    .values(
      starterExercises.map(({ key, ...text }, i) => ({
        practiceId,
        starterKey: key,
        ...text,
        createdAt: new Date(base + i),
      })),
    )
    // Two first visits at once: the partial unique index lets one copy through.
    .onConflictDoNothing({
      target: [exercises.practiceId, exercises.starterKey],
      where: sql`${exercises.starterKey} is not null`,
    });
}

export interface ExerciseView {
  id: string;
  theme: Theme | null;
  titleFi: string;
  titleEn: string;
  instructionsFi: string;
  instructionsEn: string;
  archived: boolean;
}

const exerciseColumns = {
  id: exercises.id,
  theme: exercises.theme,
  titleFi: exercises.titleFi,
  titleEn: exercises.titleEn,
  instructionsFi: exercises.instructionsFi,
  instructionsEn: exercises.instructionsEn,
  archivedAt: exercises.archivedAt,
};

/**
 * The practice's exercises for any member; archived ones only when asked for. The starter set
 * is copied first if it never was: the list says whether it was, so a practice that has it
 * (every one made since the toolkit exists) is read in one query.
 */
export async function listExercises(
  { db }: DomainContext,
  actor: MemberActor,
  options: { archived: boolean } = { archived: false },
): Promise<ExerciseView[]> {
  const list = () =>
    db
      .select({
        ...exerciseColumns,
        starterSetCopied: sql<boolean>`exists (select 1 from ${exercises} where ${and(
          eq(exercises.practiceId, actor.practiceId),
          isNotNull(exercises.starterKey),
        )})`,
      })
      .from(exercises)
      .where(
        and(
          eq(exercises.practiceId, actor.practiceId),
          options.archived ? isNotNull(exercises.archivedAt) : isNull(exercises.archivedAt),
        ),
      )
      .orderBy(asc(exercises.createdAt), asc(exercises.titleFi));
  let rows = await list();
  if (!rows[0]?.starterSetCopied) {
    await addStarterExercises(db, actor.practiceId);
    rows = await list();
  }
  return rows.map((row) => ({
    id: row.id,
    theme: row.theme,
    titleFi: row.titleFi,
    titleEn: row.titleEn,
    instructionsFi: row.instructionsFi,
    instructionsEn: row.instructionsEn,
    archived: row.archivedAt !== null,
  }));
}

export interface ExerciseInput {
  theme: Theme | null;
  titleFi: string;
  titleEn: string;
  instructionsFi: string;
  instructionsEn: string;
}

/** Adds an exercise of the practice's own (owner only). */
export async function createExercise(
  { db }: DomainContext,
  actor: MemberActor,
  input: ExerciseInput,
): Promise<string> {
  if (!mayEditToolkit(actor)) throw new AppError('forbidden');
  const [row] = await db
    .insert(exercises)
    .values({ practiceId: actor.practiceId, ...input })
    .returning({ id: exercises.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** Edits an exercise of the practice (owner only); assignments show the new text. */
export async function updateExercise(
  { db }: DomainContext,
  actor: MemberActor,
  exerciseId: string,
  input: ExerciseInput,
): Promise<void> {
  if (!mayEditToolkit(actor)) throw new AppError('forbidden');
  const updated = await db
    .update(exercises)
    .set(input)
    .where(and(eq(exercises.id, exerciseId), eq(exercises.practiceId, actor.practiceId)))
    .returning({ id: exercises.id });
  if (updated.length === 0) throw new AppError('not_found');
}

/** Archives or restores an exercise (owner only). Assignments already given keep working. */
export async function setExerciseArchived(
  { db, now }: DomainContext,
  actor: MemberActor,
  exerciseId: string,
  archived: boolean,
): Promise<void> {
  if (!mayEditToolkit(actor)) throw new AppError('forbidden');
  const updated = await db
    .update(exercises)
    .set({ archivedAt: archived ? now : null })
    .where(and(eq(exercises.id, exerciseId), eq(exercises.practiceId, actor.practiceId)))
    .returning({ id: exercises.id });
  if (updated.length === 0) throw new AppError('not_found');
}
