import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { contractGoals, contracts } from '#db/schema';
import { createAccessCast, outcomeOf } from '#db/testing/access-cast';
import { testContext } from '#db/testing/context';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase } from '#db/testing/test-database';
import { recordEvaluation } from '~/evaluations/evaluations.server';
import { cancelSession } from '~/sessions/outcomes.server';

import { commissionerReport } from './commissioner-report.server';
import { commissionerReportHtml } from './commissioner-report-document';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const db = () => database.db;
const MARKER = 'SALAISUUS-7f3a';
const now = new Date('2026-11-20T10:00:00Z');

/** A contract with one goal, a held session, a late cancellation and both sides' evaluations. */
async function reportedContract() {
  const cast = await createAccessCast(db());
  const [goal] = await db()
    .insert(contractGoals)
    .values({
      contractId: cast.contractId,
      practiceId: cast.owner.practiceId,
      position: 0,
      text: 'Selkeämpi rooli johtoryhmässä',
      theme: 'role',
    })
    .returning({ id: contractGoals.id });
  const goalId = goal?.id ?? '';
  const cancelled = await insertSession(db(), {
    practiceId: cast.owner.practiceId,
    contractId: cast.contractId,
    supervisorId: cast.author.userId,
    startsAt: new Date('2026-11-20T14:00:00Z'),
    status: 'scheduled',
  });
  await cancelSession(testContext(db(), now), cast.author, cancelled, {
    by: 'supervisee',
    reason: `Sairastui ${MARKER}`,
  });
  const ctx = testContext(db(), now);
  await recordEvaluation(ctx, cast.author, cast.contractId, {
    kind: 'start',
    respondentClientId: null,
    scores: { [goalId]: 2 },
    comment: `Oma arvio ${MARKER}`,
  });
  await recordEvaluation(ctx, cast.author, cast.contractId, {
    kind: 'start',
    respondentClientId: cast.clientId,
    scores: { [goalId]: 3 },
    comment: `Työnohjattavan sanat ${MARKER}`,
  });
  return cast;
}

const disclose = (
  contractId: string,
  level: (typeof contracts.$inferInsert)['commissionerDisclosure'],
) =>
  db().update(contracts).set({ commissionerDisclosure: level }).where(eq(contracts.id, contractId));

describe('the commissioner report', () => {
  it('with "attendance" lists the sessions and their statuses, and no evaluation outcomes', async () => {
    const cast = await reportedContract();
    const report = await commissionerReport(testContext(db(), now), cast.owner, cast.contractId);
    expect(report.sessions.map((s) => [s.status, s.cancelledBy, s.cancelledLate])).toEqual([
      ['held', null, null],
      ['cancelled', 'supervisee', true],
    ]);
    expect(report.outcomes).toEqual([]);
    const html = commissionerReportHtml(report, 'fi');
    expect(html).toContain('Peruttu');
    expect(html).not.toContain('Arviointien tulokset');
    expect(html).not.toContain(MARKER);
  });

  it('with "attendance and evaluations" adds the goal scores, never the written evaluations', async () => {
    const cast = await reportedContract();
    await disclose(cast.contractId, 'attendance_and_evaluations');
    const report = await commissionerReport(testContext(db(), now), cast.owner, cast.contractId);
    expect(report.outcomes).toEqual([
      {
        goal: 'Selkeämpi rooli johtoryhmässä',
        kind: 'start',
        supervisor: 2,
        supervisees: 3,
        superviseeCount: 1,
      },
    ]);
    for (const locale of ['fi', 'en'] as const) {
      const html = commissionerReportHtml(report, locale);
      expect(html).toContain('Selkeämpi rooli johtoryhmässä');
      expect(html).not.toContain(MARKER);
    }
  });

  it('with "nothing" there is no report', async () => {
    const cast = await reportedContract();
    await disclose(cast.contractId, 'nothing');
    expect(
      await outcomeOf(commissionerReport(testContext(db(), now), cast.owner, cast.contractId)),
    ).toBe('conflict');
  });

  it('is the owner’s to make: not the supervisor’s, not another practice’s', async () => {
    const cast = await reportedContract();
    const ctx = testContext(db(), now);
    expect(await outcomeOf(commissionerReport(ctx, cast.author, cast.contractId))).toBe(
      'forbidden',
    );
    expect(await outcomeOf(commissionerReport(ctx, cast.colleague, cast.contractId))).toBe(
      'forbidden',
    );
    expect(await outcomeOf(commissionerReport(ctx, cast.outsider, cast.contractId))).toBe(
      'not_found',
    );
  });
});
