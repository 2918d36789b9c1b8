import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { clients, contractParticipants, supervisionSessions } from '#db/schema';
import { type CastRole, createAccessCast } from '#db/testing/access-cast';
import { testContext } from '#db/testing/context';
import { createTestDatabase } from '#db/testing/test-database';
import { getContract } from '~/contracts/get-contract.server';
import { updateContract } from '~/contracts/update-contract.server';
import { isAppError } from '~/errors';
import type { Actor, MemberActor, SuperviseeActor } from '~/practices/actor';

import { mayChangeEvaluation, mayReadComment } from './access.server';
import { deleteEvaluation } from './delete-evaluation.server';
import { listEvaluations, recordEvaluation } from './evaluations.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

const MINE = 'Oma arvioni: yhteistyö on ollut raskasta';
const THEIRS = 'Työnohjattavan sanoin: sain rohkeutta puuttua';

/**
 * The cast before any session is held: the author records their own start evaluation and
 * a supervisee's, both with comments.
 */
async function evaluatedContract() {
  const cast = await createAccessCast(db());
  await db().delete(supervisionSessions).where(eq(supervisionSessions.id, cast.sessionId));
  for (const [respondentClientId, comment] of [
    [null, MINE],
    [cast.clientId, THEIRS],
  ] as const) {
    await recordEvaluation(testContext(db()), cast.author, cast.contractId, {
      kind: 'start',
      respondentClientId,
      scores: {},
      comment,
    });
  }
  return cast;
}

/** What the owner does on the contract form: the same contract, another supervisor. */
async function reassign(owner: MemberActor, contractId: string, supervisorId: string) {
  const contract = await getContract(testContext(db()), owner, contractId);
  await updateContract(testContext(db()), owner, contractId, {
    ...contract,
    supervisorId,
    participants: contract.participants.map((p) => p.id),
    goals: contract.goals.map((g) => ({ id: g.id, text: g.text, theme: g.theme })),
  });
}

/** What the actor gets from the evaluation page: the comments they see, or the refusal. */
async function commentsSeenBy(actor: MemberActor, contractId: string) {
  try {
    const { evaluations } = await listEvaluations(testContext(db()), actor, contractId);
    return evaluations.map((e) => e.comment ?? (e.commentWithheld ? 'withheld' : 'none'));
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

describe('who reads evaluation comments', () => {
  it.each<[CastRole, unknown]>([
    ['author', [MINE, THEIRS]],
    ['colleague', 'not_found'],
    ['owner', 'not_found'],
    ['outsider', 'not_found'],
  ])('on the contract as it is, %s gets %j', async (who, expected) => {
    const cast = await evaluatedContract();
    expect(await commentsSeenBy(cast.actors[who], cast.contractId)).toEqual(expected);
  });

  it.each<[CastRole, unknown]>([
    ['author', [MINE, THEIRS]],
    ['colleague', ['withheld', 'withheld']],
    ['owner', 'not_found'],
    ['outsider', 'not_found'],
  ])('after reassignment to the colleague, %s gets %j', async (who, expected) => {
    const cast = await evaluatedContract();
    await reassign(cast.owner, cast.contractId, cast.colleague.userId);
    expect(await commentsSeenBy(cast.actors[who], cast.contractId)).toEqual(expected);
  });

  it('an owner who takes the contract over sees the scores, not the comments', async () => {
    const cast = await evaluatedContract();
    await reassign(cast.owner, cast.contractId, cast.owner.userId);
    expect(await commentsSeenBy(cast.owner, cast.contractId)).toEqual(['withheld', 'withheld']);
  });

  it('the former supervisor reads their own but records no more', async () => {
    const cast = await evaluatedContract();
    await reassign(cast.owner, cast.contractId, cast.colleague.userId);
    const attempt = recordEvaluation(testContext(db()), cast.author, cast.contractId, {
      kind: 'middle',
      respondentClientId: null,
      scores: {},
      comment: 'x',
    });
    await expect(attempt).rejects.toMatchObject({ code: 'not_found' });
  });

  it('the new supervisor cannot overwrite or delete an answer recorded before them', async () => {
    const cast = await evaluatedContract();
    await reassign(cast.owner, cast.contractId, cast.colleague.userId);
    const overwrite = recordEvaluation(testContext(db()), cast.colleague, cast.contractId, {
      kind: 'start',
      respondentClientId: cast.clientId,
      scores: {},
      comment: 'uusi',
    });
    await expect(overwrite).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'evaluations.recordedByOther',
    });
    const { evaluations } = await listEvaluations(
      testContext(db()),
      cast.colleague,
      cast.contractId,
    );
    expect(evaluations.map((e) => e.editable)).toEqual([false, false]);
    const theirs = evaluations.find((e) => e.respondentClientId === cast.clientId);
    await expect(
      deleteEvaluation(testContext(db()), cast.colleague, cast.contractId, theirs?.id ?? ''),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await commentsSeenBy(cast.author, cast.contractId)).toEqual([MINE, THEIRS]);
  });

  it.each([
    ['their own answer', 'c1', true],
    ["someone else's answer", 'c2', false],
    ["the supervisor's own view", null, false],
  ] as const)('a supervisee reads %s: %s', (_, respondentClientId, expected) => {
    const supervisee: SuperviseeActor = {
      kind: 'supervisee',
      userId: '00000000-0000-4000-8000-000000000009',
      practiceId: '00000000-0000-4000-8000-000000000008',
      clientIds: ['c1'],
    };
    expect(
      mayReadComment(supervisee, {
        recordedBy: 'u1',
        respondentClientId,
        recordedInPortal: false,
        contractSupervisorId: 'u1',
      }),
    ).toBe(expected);
  });
});

describe('tenancy in depth', () => {
  it("a stray participant row from another practice does not put its client's name on the page", async () => {
    const cast = await evaluatedContract();
    const [stranger] = await db()
      .insert(clients)
      .values({ practiceId: cast.outsider.practiceId, name: 'Vieraan Asiakas' })
      .returning({ id: clients.id });
    if (!stranger) throw new Error('no client');
    await db().insert(contractParticipants).values({
      contractId: cast.contractId,
      clientId: stranger.id,
      practiceId: cast.outsider.practiceId,
    });
    const { subject } = await listEvaluations(testContext(db()), cast.author, cast.contractId);
    expect(subject.participants.map((p) => p.name)).not.toContain('Vieraan Asiakas');
  });
});

describe('a comment the supervisee wrote in the portal', () => {
  const facts = {
    recordedBy: 'supervisee-user',
    respondentClientId: 'c1',
    recordedInPortal: true,
    contractSupervisorId: 'supervisor-user',
  };
  it.each<[string, Actor, boolean]>([
    [
      'its author',
      { kind: 'supervisee', userId: 'supervisee-user', practiceId: 'p', clientIds: ['c1'] },
      true,
    ],
    [
      'a participant of the same group',
      { kind: 'supervisee', userId: 'mate', practiceId: 'p', clientIds: ['c2'] },
      false,
    ],
    [
      'the contract’s supervisor',
      { kind: 'member', userId: 'supervisor-user', practiceId: 'p', role: 'supervisor' },
      true,
    ],
    ['the owner', { kind: 'member', userId: 'owner-user', practiceId: 'p', role: 'owner' }, false],
    [
      'another supervisor',
      { kind: 'member', userId: 'other', practiceId: 'p', role: 'supervisor' },
      false,
    ],
  ])('is read by %s: %s', (_, actor, expected) => {
    expect(mayReadComment(actor, facts)).toBe(expected);
  });

  it.each<[string, Actor, boolean]>([
    [
      'its author',
      { kind: 'supervisee', userId: 'supervisee-user', practiceId: 'p', clientIds: ['c1'] },
      true,
    ],
    [
      'the contract’s supervisor',
      { kind: 'member', userId: 'supervisor-user', practiceId: 'p', role: 'supervisor' },
      false,
    ],
  ])('is changed by %s: %s', (_, actor, expected) => {
    expect(mayChangeEvaluation(actor, facts)).toBe(expected);
  });
});
