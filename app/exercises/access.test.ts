/**
 * Who reaches an exercise answer, as a table of the people in the portal cast: the answer
 * belongs to the supervisee it was given to; the contract's supervisor reads it only when it
 * is submitted and shared; a group-mate, another supervisee, another practice and the owner
 * never do.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { contracts, exerciseAssignments, exercises } from '#db/schema';
import { outcomeOf } from '#db/testing/access-cast';
import { testContext } from '#db/testing/context';
import { addMember, createPracticeWithOwner } from '#db/testing/factories';
import { createPortalCast } from '#db/testing/portal';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import type { Actor, MemberActor, SuperviseeActor } from '~/practices/actor';

import { mayReadAnswer } from './access.server';
import { getMyAssignment, listMyAssignments, saveAnswer } from './answers.server';
import { assignExercise, listContractAssignments } from './assignments.server';
import { starterExercises } from './starter-set';
import {
  addStarterExercises,
  createExercise,
  listExercises,
  setExerciseArchived,
} from './toolkit.server';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => (database as Database).db;
const ctx = () => testContext(db());

const ANSWER = 'Vastaukseni: pelkään-puuttua-tiimin-riitaan';

type Cast = Awaited<ReturnType<typeof createPortalCast>>;

/** The portal cast, an exercise given to self on the group contract, and a colleague. */
async function castWithAssignment() {
  const cast = await createPortalCast(db());
  const colleague = await addMember(db(), cast.owner.practiceId, 'supervisor');
  const [exercise] = await listExercises(ctx(), cast.author);
  if (!exercise) throw new Error('no exercise');
  const assignmentId = await assignExercise(ctx(), cast.author, cast.contractId, {
    exerciseId: exercise.id,
    clientId: cast.clientId,
    dueOn: '2026-12-15',
  });
  return { ...cast, colleague, exerciseId: exercise.id, assignmentId };
}

type Who = 'self' | 'sameGroup' | 'samePractice' | 'otherPractice';
const supervisee = (cast: Cast, who: Who): SuperviseeActor => cast[who];

/** What the supervisor's contract page shows of the answers. */
async function answersOnContractPage(actor: MemberActor, contractId: string) {
  const rows = await listContractAssignments(ctx(), actor, contractId);
  return rows.map((r) => r.sharedAnswer);
}

describe('an exercise answer in the portal', () => {
  it.each<[Who, string]>([
    ['self', 'allowed'],
    ['sameGroup', 'not_found'],
    ['samePractice', 'not_found'],
    ['otherPractice', 'not_found'],
  ])('%s opening self’s assignment: %s', async (who, expected) => {
    const cast = await castWithAssignment();
    expect(await outcomeOf(getMyAssignment(ctx(), supervisee(cast, who), cast.assignmentId))).toBe(
      expected,
    );
  });

  it.each<[Who, string]>([
    ['self', 'allowed'],
    ['sameGroup', 'not_found'],
    ['samePractice', 'not_found'],
    ['otherPractice', 'not_found'],
  ])('%s writing an answer to self’s assignment: %s', async (who, expected) => {
    const cast = await castWithAssignment();
    const attempt = saveAnswer(ctx(), supervisee(cast, who), cast.assignmentId, {
      answer: ANSWER,
      submit: true,
      share: true,
    });
    expect(await outcomeOf(attempt)).toBe(expected);
  });

  it('lists the assignment for self only, never for a participant of the same group', async () => {
    const cast = await castWithAssignment();
    await saveAnswer(ctx(), cast.self, cast.assignmentId, {
      answer: ANSWER,
      submit: true,
      share: true,
    });
    expect((await listMyAssignments(ctx(), cast.self)).map((a) => a.id)).toEqual([
      cast.assignmentId,
    ]);
    expect(await listMyAssignments(ctx(), cast.sameGroup)).toEqual([]);
    expect(await listMyAssignments(ctx(), cast.samePractice)).toEqual([]);
    expect(await listMyAssignments(ctx(), cast.otherPractice)).toEqual([]);
  });
});

describe('what the staff see of an answer', () => {
  const states = {
    draft: { submit: false, share: true },
    'submitted, not shared': { submit: true, share: false },
    'submitted and shared': { submit: true, share: true },
  } as const;

  it.each<[keyof typeof states, 'author' | 'colleague' | 'owner', unknown]>([
    ['draft', 'author', [null]],
    ['submitted, not shared', 'author', [null]],
    ['submitted and shared', 'author', [ANSWER]],
    // Only the contract's supervisor lists its assignments; the owner as such has no right.
    ['submitted and shared', 'owner', []],
    ['submitted and shared', 'colleague', []],
  ])('%s: %s sees %j', async (state, who, expected) => {
    const cast = await castWithAssignment();
    await saveAnswer(ctx(), cast.self, cast.assignmentId, { answer: ANSWER, ...states[state] });
    const actor = { author: cast.author, colleague: cast.colleague, owner: cast.owner }[who];
    expect(await answersOnContractPage(actor, cast.contractId)).toEqual(expected);
  });

  it('sharing can be taken back: saving again without it hides the answer', async () => {
    const cast = await castWithAssignment();
    await saveAnswer(ctx(), cast.self, cast.assignmentId, {
      answer: ANSWER,
      submit: true,
      share: true,
    });
    await saveAnswer(ctx(), cast.self, cast.assignmentId, {
      answer: ANSWER,
      submit: true,
      share: false,
    });
    expect(await answersOnContractPage(cast.author, cast.contractId)).toEqual([null]);
  });

  it.each<[string, Actor, boolean]>([
    [
      'the supervisee',
      { kind: 'supervisee', userId: 'u', practiceId: 'p', clientIds: ['c1'] },
      true,
    ],
    [
      'another supervisee',
      { kind: 'supervisee', userId: 'u', practiceId: 'p', clientIds: ['c2'] },
      false,
    ],
    [
      'the contract’s supervisor',
      { kind: 'member', userId: 's', practiceId: 'p', role: 'supervisor' },
      true,
    ],
    ['the owner', { kind: 'member', userId: 'o', practiceId: 'p', role: 'owner' }, false],
  ])('mayReadAnswer of a shared answer: %s → %s', (_, actor, expected) => {
    expect(
      mayReadAnswer(actor, {
        clientId: 'c1',
        contractSupervisorId: 's',
        submitted: true,
        shared: true,
      }),
    ).toBe(expected);
  });
});

describe('giving an exercise', () => {
  it.each<['author' | 'colleague' | 'owner' | 'outsider', string]>([
    ['author', 'allowed'],
    ['colleague', 'not_found'],
    ['owner', 'not_found'],
    ['outsider', 'not_found'],
  ])('%s gives one on the author’s contract: %s', async (who, expected) => {
    const cast = await castWithAssignment();
    const { owner: outsider } = await createPracticeWithOwner(db(), { practiceName: 'Muu Oy' });
    const actor = { author: cast.author, colleague: cast.colleague, owner: cast.owner, outsider }[
      who
    ];
    const attempt = assignExercise(ctx(), actor, cast.contractId, {
      exerciseId: cast.exerciseId,
      clientId: cast.clientId,
      dueOn: null,
    });
    expect(await outcomeOf(attempt)).toBe(expected);
  });

  it('refuses a client who is not a participant, an archived exercise and an ended contract', async () => {
    const cast = await castWithAssignment();
    const give = (input: { exerciseId?: string; clientId?: string }) =>
      outcomeOf(
        assignExercise(ctx(), cast.author, cast.contractId, {
          exerciseId: input.exerciseId ?? cast.exerciseId,
          clientId: input.clientId ?? cast.clientId,
          dueOn: null,
        }),
      );
    // samePractice's client row belongs to another contract of the same supervisor.
    expect(await give({ clientId: cast.samePractice.clientIds[0] })).toBe('invalid');
    await setExerciseArchived(ctx(), cast.owner, cast.exerciseId, true);
    expect(await give({})).toBe('invalid');
    await setExerciseArchived(ctx(), cast.owner, cast.exerciseId, false);
    await db().update(contracts).set({ status: 'ended' }).where(eq(contracts.id, cast.contractId));
    expect(await give({})).toBe('conflict');
  });
});

describe('the toolkit', () => {
  it('a new practice starts with the starter set; only the owner adds to it', async () => {
    const cast = await createPortalCast(db());
    const titles = (await listExercises(ctx(), cast.author)).map((e) => e.titleEn);
    expect(titles).toEqual(starterExercises.map((e) => e.titleEn));
    const input = {
      theme: null,
      titleFi: 'Oma',
      titleEn: 'Own',
      instructionsFi: 'Tee näin.',
      instructionsEn: 'Do this.',
    };
    expect(await outcomeOf(createExercise(ctx(), cast.author, input))).toBe('forbidden');
    expect(await outcomeOf(createExercise(ctx(), cast.owner, input))).toBe('allowed');
  });

  it('a practice made before the toolkit gets the starter set once; archived ones stay archived', async () => {
    const cast = await createPortalCast(db());
    const practiceId = cast.owner.practiceId;
    await db().delete(exercises).where(eq(exercises.practiceId, practiceId));
    const first = await listExercises(ctx(), cast.owner);
    expect(first).toHaveLength(starterExercises.length);
    const [archived] = first;
    if (!archived) throw new Error('no exercise');
    await setExerciseArchived(ctx(), cast.owner, archived.id, true);
    await addStarterExercises(db(), practiceId);
    expect(await listExercises(ctx(), cast.owner)).toHaveLength(starterExercises.length - 1);
    const rows = await db()
      .select({ id: exercises.id })
      .from(exercises)
      .where(eq(exercises.practiceId, practiceId));
    expect(rows).toHaveLength(starterExercises.length);
  });
});

it('an answer is sealed at rest: a raw dump holds no answer text', async () => {
  const cast = await castWithAssignment();
  const secret = 'Luonnos-jota-kukaan-ei-saa-lukea';
  await saveAnswer(ctx(), cast.self, cast.assignmentId, {
    answer: secret,
    submit: false,
    share: false,
  });
  const [row] = await db()
    .select({ sealed: exerciseAssignments.answerEncrypted })
    .from(exerciseAssignments)
    .where(eq(exerciseAssignments.id, cast.assignmentId));
  expect(row?.sealed).toMatch(/^v1\./);
  expect((await database.rawDump()).includes(secret)).toBe(false);
  expect((await getMyAssignment(ctx(), cast.self, cast.assignmentId)).answer).toBe(secret);
});
