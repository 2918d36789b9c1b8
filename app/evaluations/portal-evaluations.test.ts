/**
 * The supervisee's own evaluations in the portal: recorded with the supervisee as author,
 * read by them and by the contract's supervisor, never by the owner, a group-mate or anyone
 * else; and nobody changes words that are not theirs.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { contractGoals, evaluations, supervisionSessions } from '#db/schema';
import { outcomeOf } from '#db/testing/access-cast';
import { testContext } from '#db/testing/context';
import { addMember } from '#db/testing/factories';
import { createPortalCast } from '#db/testing/portal';
import { createTestDatabase } from '#db/testing/test-database';
import { getContract } from '~/contracts/get-contract.server';
import { updateContract } from '~/contracts/update-contract.server';
import type { MemberActor } from '~/practices/actor';

import { listEvaluations, recordEvaluation } from './evaluations.server';
import { answerEvaluation, listMyEvaluations } from './portal-evaluations.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;
const ctx = () => testContext(db());

const MINE = 'Itse-kirjoitettu: rohkeus kasvaa hitaasti';

async function castWithGoal() {
  const cast = await createPortalCast(db());
  const [goal] = await db()
    .insert(contractGoals)
    .values({
      contractId: cast.contractId,
      practiceId: cast.owner.practiceId,
      position: 0,
      text: 'Selkeämpi rooli',
      theme: 'role',
    })
    .returning({ id: contractGoals.id });
  if (!goal) throw new Error('no goal');
  return { ...cast, goalId: goal.id };
}

/** What a member gets of the supervisee's comment on the staff evaluation page. */
async function commentsSeenBy(actor: MemberActor, contractId: string) {
  try {
    const { evaluations: rows } = await listEvaluations(ctx(), actor, contractId);
    return rows.map((e) => e.comment ?? (e.commentWithheld ? 'withheld' : 'none'));
  } catch (error) {
    return (error as { code?: string }).code ?? 'error';
  }
}

describe('a supervisee answers an evaluation in the portal', () => {
  it('records it with the supervisee as author, the comment sealed', async () => {
    const cast = await castWithGoal();
    const id = await answerEvaluation(ctx(), cast.self, cast.contractId, {
      kind: 'start',
      scores: { [cast.goalId]: 2 },
      comment: MINE,
    });
    const [row] = await db().select().from(evaluations).where(eq(evaluations.id, id));
    expect(row).toMatchObject({
      respondent: 'supervisee',
      respondentClientId: cast.clientId,
      recordedBy: cast.self.userId,
      recordedInPortal: true,
    });
    expect(row?.commentEncrypted).toMatch(/^v1\./);
    expect(row?.commentEncrypted).not.toContain('rohkeus');
    const [contract] = await listMyEvaluations(ctx(), cast.self);
    expect(contract?.points[0]?.answer).toMatchObject({
      byMe: true,
      comment: MINE,
      scores: { [cast.goalId]: 2 },
    });
  });

  it.each<['author' | 'owner' | 'colleague', unknown]>([
    ['author', [MINE]],
    ['owner', 'not_found'],
    ['colleague', 'not_found'],
  ])('on the staff evaluation page, %s gets %j', async (who, expected) => {
    const cast = await castWithGoal();
    const colleague = await addMember(db(), cast.owner.practiceId, 'supervisor');
    await answerEvaluation(ctx(), cast.self, cast.contractId, {
      kind: 'start',
      scores: {},
      comment: MINE,
    });
    const actor = { author: cast.author, owner: cast.owner, colleague }[who];
    expect(await commentsSeenBy(actor, cast.contractId)).toEqual(expected);
  });

  it('is shared with the contract’s supervisor: after reassignment, the new one; the owner who takes it over too', async () => {
    const cast = await castWithGoal();
    await answerEvaluation(ctx(), cast.self, cast.contractId, {
      kind: 'start',
      scores: {},
      comment: MINE,
    });
    // A contract with sessions keeps its supervisor (as in ./access.test.ts): drop the session.
    await db()
      .delete(supervisionSessions)
      .where(eq(supervisionSessions.contractId, cast.contractId));
    const contract = await getContract(ctx(), cast.owner, cast.contractId);
    await updateContract(ctx(), cast.owner, cast.contractId, {
      ...contract,
      supervisorId: cast.owner.userId,
      participants: contract.participants.map((p) => p.id),
      goals: contract.goals.map((g) => ({ id: g.id, text: g.text, theme: g.theme })),
    });
    // As the supervisor now (not as owner) they read it; the former supervisor lists nothing.
    expect(await commentsSeenBy(cast.owner, cast.contractId)).toEqual([MINE]);
    expect(await commentsSeenBy(cast.author, cast.contractId)).toBe('not_found');
  });

  it('a participant of the same group sees neither the answer nor its comment', async () => {
    const cast = await castWithGoal();
    await answerEvaluation(ctx(), cast.self, cast.contractId, {
      kind: 'start',
      scores: { [cast.goalId]: 4 },
      comment: MINE,
    });
    const [theirs] = await listMyEvaluations(ctx(), cast.sameGroup);
    expect(theirs?.id).toBe(cast.contractId);
    expect(theirs?.points.map((p) => p.answer)).toEqual([null, null, null]);
    expect(JSON.stringify(theirs)).not.toContain('rohkeus');
    expect(await listMyEvaluations(ctx(), cast.samePractice)).not.toContainEqual(
      expect.objectContaining({ id: cast.contractId }),
    );
  });

  it.each<['sameGroup' | 'samePractice' | 'otherPractice', string]>([
    // The group-mate answers for themself on the shared contract, not for self.
    ['sameGroup', 'allowed'],
    ['samePractice', 'not_found'],
    ['otherPractice', 'not_found'],
  ])('%s answering on the group contract: %s', async (who, expected) => {
    const cast = await castWithGoal();
    const attempt = answerEvaluation(ctx(), cast[who], cast.contractId, {
      kind: 'start',
      scores: {},
      comment: 'x',
    });
    expect(await outcomeOf(attempt)).toBe(expected);
    const rows = await db()
      .select({ client: evaluations.respondentClientId })
      .from(evaluations)
      .where(eq(evaluations.contractId, cast.contractId));
    expect(rows.some((r) => r.client === cast.clientId)).toBe(false);
  });

  it('refuses a point that is not open yet', async () => {
    const cast = await castWithGoal();
    const attempt = answerEvaluation(ctx(), cast.self, cast.contractId, {
      kind: 'middle',
      scores: {},
      comment: null,
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'portalEvaluations.notOpen',
    });
  });

  it('nobody changes words that are not theirs', async () => {
    const cast = await castWithGoal();
    // The supervisor recorded self's start view on paper: self reads it, does not change it.
    await recordEvaluation(ctx(), cast.author, cast.contractId, {
      kind: 'start',
      respondentClientId: cast.clientId,
      scores: {},
      comment: 'Paperilta kirjattu',
    });
    await expect(
      answerEvaluation(ctx(), cast.self, cast.contractId, {
        kind: 'start',
        scores: {},
        comment: 'x',
      }),
    ).rejects.toMatchObject({ messageKey: 'portalEvaluations.recordedBySupervisor' });
    const [mine] = await listMyEvaluations(ctx(), cast.self);
    expect(mine?.points[0]?.answer).toMatchObject({ byMe: false, comment: 'Paperilta kirjattu' });

    // The group-mate answered in the portal: the supervisor cannot overwrite it.
    await answerEvaluation(ctx(), cast.sameGroup, cast.contractId, {
      kind: 'start',
      scores: {},
      comment: 'Oma',
    });
    await expect(
      recordEvaluation(ctx(), cast.author, cast.contractId, {
        kind: 'start',
        respondentClientId: cast.sameGroup.clientIds[0] ?? null,
        scores: {},
        comment: 'Päälle',
      }),
    ).rejects.toMatchObject({ code: 'conflict', messageKey: 'evaluations.answeredInPortal' });
    const { evaluations: rows } = await listEvaluations(ctx(), cast.author, cast.contractId);
    expect(rows.map((r) => [r.comment, r.editable])).toEqual([
      ['Paperilta kirjattu', true],
      ['Oma', false],
    ]);
  });
});
