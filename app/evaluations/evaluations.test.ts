import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { contractGoals, contracts, evaluations, evaluationScores } from '#db/schema';
import { testContext } from '#db/testing/context';
import { addMember, createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import { type AppError } from '~/errors';

import { deleteEvaluation } from './delete-evaluation.server';
import { listEvaluations, recordEvaluation } from './evaluations.server';
import { parseEvaluationForm } from './schemas';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

async function setting() {
  const { owner } = await createPracticeWithOwner(db());
  const supervisor = await addMember(db(), owner.practiceId, 'supervisor');
  const { contractId, clientId } = await createContractFixture(db(), supervisor);
  const goals = await db()
    .insert(contractGoals)
    .values([
      {
        contractId,
        practiceId: owner.practiceId,
        position: 0,
        text: 'Rooli selkiytyy',
        theme: 'role',
      },
      {
        contractId,
        practiceId: owner.practiceId,
        position: 1,
        text: 'Uskallan puuttua',
        theme: 'power',
      },
    ])
    .returning({ id: contractGoals.id });
  return { owner, supervisor, contractId, clientId, goalIds: goals.map((g) => g.id) };
}

describe('evaluations', () => {
  it("record the supervisor's and a supervisee's view with scores and an encrypted comment", async () => {
    const { supervisor, contractId, clientId, goalIds } = await setting();
    const [role = '', power = ''] = goalIds;
    await recordEvaluation(testContext(db()), supervisor, contractId, {
      kind: 'start',
      respondentClientId: null,
      scores: { [role]: 2, [power]: 1 },
      comment: 'Lähtötilanne kuormittava',
    });
    await recordEvaluation(testContext(db()), supervisor, contractId, {
      kind: 'start',
      respondentClientId: clientId,
      scores: { [role]: 3 },
      comment: null,
    });

    const raw = await db().select().from(evaluations).where(eq(evaluations.contractId, contractId));
    expect(JSON.stringify(raw)).not.toContain('kuormittava');

    const { evaluations: list } = await listEvaluations(testContext(db()), supervisor, contractId);
    expect(list.map((e) => [e.respondent, e.respondentName, e.scores[role], e.comment])).toEqual([
      ['supervisor', null, 2, 'Lähtötilanne kuormittava'],
      ['supervisee', 'Maria Lehtonen', 3, null],
    ]);
  });

  it('belong to the contract supervisor: the owner and others get not_found', async () => {
    const { owner, supervisor, contractId } = await setting();
    const colleague = await addMember(db(), owner.practiceId, 'supervisor');
    for (const actor of [owner, colleague]) {
      const error = await listEvaluations(testContext(db()), actor, contractId).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((error as AppError).code).toBe('not_found');
    }
    expect((await listEvaluations(testContext(db()), supervisor, contractId)).evaluations).toEqual(
      [],
    );
  });

  it('refuse a goal of another contract and a respondent outside the contract', async () => {
    const { supervisor, contractId, goalIds } = await setting();
    const other = await setting();
    const foreignGoal = other.goalIds[0] ?? '';
    for (const input of [
      {
        kind: 'middle' as const,
        respondentClientId: null,
        scores: { [foreignGoal]: 3 },
        comment: null,
      },
      {
        kind: 'middle' as const,
        respondentClientId: other.clientId,
        scores: { [goalIds[0] ?? '']: 3 },
        comment: null,
      },
    ]) {
      const error = await recordEvaluation(testContext(db()), supervisor, contractId, input).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((error as AppError).code).toBe('invalid');
    }
  });

  it('validate the form: scores 1–5, a kind and a respondent', () => {
    const form = new FormData();
    form.set('kind', 'end');
    form.set('respondent', 'supervisor');
    form.set('score_g1', '6');
    form.set('score_g2', '4');
    const parsed = parseEvaluationForm(form, ['g1', 'g2']);
    expect(parsed).toEqual({ ok: false, errors: { score_g1: 'evaluations.scoreRange' } });
    form.set('score_g1', '');
    expect(parseEvaluationForm(form, ['g1', 'g2'])).toEqual({
      ok: true,
      input: { kind: 'end', respondentClientId: null, scores: { g2: 4 }, comment: null },
    });
  });

  it('keep one evaluation per contract, point and author: a resubmission edits it', async () => {
    const { supervisor, contractId, clientId, goalIds } = await setting();
    const [role = '', power = ''] = goalIds;
    const mine = (scores: Record<string, number>, comment: string | null) =>
      recordEvaluation(testContext(db()), supervisor, contractId, {
        kind: 'start',
        respondentClientId: null,
        scores,
        comment,
      });
    // A double click: both submissions arrive together.
    const [first, second] = await Promise.all([
      mine({ [role]: 2 }, 'Ensimmäinen'),
      mine({ [role]: 2 }, 'Ensimmäinen'),
    ]);
    expect(second).toBe(first);
    // The back button and a changed answer.
    expect(await mine({ [power]: 4 }, 'Korjattu')).toBe(first);
    await recordEvaluation(testContext(db()), supervisor, contractId, {
      kind: 'start',
      respondentClientId: clientId,
      scores: {},
      comment: null,
    });

    const { evaluations: list } = await listEvaluations(testContext(db()), supervisor, contractId);
    expect(list.map((e) => [e.respondent, e.scores, e.comment])).toEqual([
      ['supervisor', { [power]: 4 }, 'Korjattu'],
      ['supervisee', {}, null],
    ]);
  });

  it('can be deleted by their author only, scores included', async () => {
    const { owner, supervisor, contractId, goalIds } = await setting();
    const [role = ''] = goalIds;
    const id = await recordEvaluation(testContext(db()), supervisor, contractId, {
      kind: 'end',
      respondentClientId: null,
      scores: { [role]: 5 },
      comment: 'Valmis',
    });
    // The contract moves to a colleague: the former supervisor's view is not theirs to delete.
    const colleague = await addMember(db(), owner.practiceId, 'supervisor');
    await db()
      .update(contracts)
      .set({ supervisorId: colleague.userId })
      .where(eq(contracts.id, contractId));
    const refused = await deleteEvaluation(testContext(db()), colleague, contractId, id).catch(
      (e: unknown) => e,
    );
    expect((refused as AppError).code).toBe('not_found');
    const { evaluations: seen } = await listEvaluations(testContext(db()), colleague, contractId);
    expect(seen.map((e) => e.editable)).toEqual([false]);

    await db()
      .update(contracts)
      .set({ supervisorId: supervisor.userId })
      .where(eq(contracts.id, contractId));
    await deleteEvaluation(testContext(db()), supervisor, contractId, id);
    expect(await db().select().from(evaluations).where(eq(evaluations.id, id))).toEqual([]);
    expect(
      await db().select().from(evaluationScores).where(eq(evaluationScores.evaluationId, id)),
    ).toEqual([]);
  });
});
