/**
 * Who reaches a feedback round, as tables: the supervisee who made it manages it, nobody
 * else in the portal does (not even a participant of the same group); its results reach
 * the supervisors of the supervisee's contracts only once shared, never the owner as such.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { outcomeOf } from '#db/testing/access-cast';
import { loadContextFor, testContext } from '#db/testing/context';
import { addMember, TEST_ORIGIN } from '#db/testing/factories';
import { answerWith, createFeedbackRound, sharedToken } from '#db/testing/feedback';
import { testKeyring } from '#db/testing/keyring';
import { createPortalCast, type PortalPersona } from '#db/testing/portal';
import { createTestDatabase } from '#db/testing/test-database';
import type { MemberActor, SuperviseeActor } from '~/practices/actor';
import { loader as clientPage } from '~/routes/_app.clients.$clientId._index';

import { mayReadSharedResults } from './access.server';
import { exportFeedbackRounds } from './export.server';
import { inviteRespondents } from './invite-respondents.server';
import { roundResults } from './results.server';
import { findOwnRound, listOwnRounds } from './rounds.server';
import {
  closeRound,
  createSharedLink,
  getOwnRound,
  setSharedWithSupervisor,
} from './rounds.server';
import { minAnswersSchema } from './schemas';
import { listSharedRounds } from './shared-rounds.server';
import { setMinAnswers } from './threshold.server';

let database: Database;
let cast: Awaited<ReturnType<typeof createPortalCast>>;
let colleague: MemberActor;
beforeAll(async () => {
  database = await createTestDatabase();
  cast = await createPortalCast(database.db);
  colleague = await addMember(database.db, cast.owner.practiceId, 'supervisor');
}, 60_000);
afterAll(() => database.close());
const db = () => database.db;
const ctx = () => testContext(db());

type Supervisee = Exclude<PortalPersona, 'anonymous' | 'staff'>;
const supervisees: Supervisee[] = ['self', 'sameGroup', 'samePractice', 'otherPractice'];

const uses: Record<string, (actor: SuperviseeActor, roundId: string) => Promise<unknown>> = {
  'open the round': (actor, id) => getOwnRound(ctx(), actor, id, TEST_ORIGIN),
  'make the shared link': (actor, id) => createSharedLink(ctx(), actor, id),
  'invite respondents': (actor, id) =>
    inviteRespondents(ctx(), actor, {
      roundId: id,
      addresses: ['tiimilainen@example.test'],
      locale: 'fi',
      mail: { appOrigin: TEST_ORIGIN, keyring: testKeyring },
    }),
  'share with the supervisor': (actor, id) => setSharedWithSupervisor(ctx(), actor, id, true),
  'close the round': (actor, id) => closeRound(ctx(), actor, id),
};

describe('a supervisee’s feedback round in the portal', () => {
  const table = Object.keys(uses).flatMap((use) =>
    supervisees.map((who) => [use, who, who === 'self' ? 'allowed' : 'not_found'] as const),
  );

  it.each(table)('%s: %s → %s', async (use, who, expected) => {
    const roundId = await createFeedbackRound(db(), cast.self);
    const run = uses[use];
    if (!run) throw new Error(use);
    expect(await outcomeOf(run(cast[who], roundId))).toBe(expected);
  });

  it('lists only one’s own rounds', async () => {
    const roundId = await createFeedbackRound(db(), cast.self);
    for (const who of supervisees) {
      const ids = (await listOwnRounds(ctx(), cast[who])).map((r) => r.id);
      expect({ who, listed: ids.includes(roundId) }).toEqual({ who, listed: who === 'self' });
    }
  });
});

describe('results shared with the supervisor', () => {
  it('reach the supervisor of the supervisee’s contract once shared, not the owner or a colleague', async () => {
    const roundId = await createFeedbackRound(db(), cast.self, { title: 'Jaettu kierros' });
    const members = { author: cast.author, owner: cast.owner, colleague } as const;
    const seen = async () => {
      const out: Record<string, boolean> = {};
      for (const [who, actor] of Object.entries(members)) {
        const rounds = await listSharedRounds(ctx(), actor, cast.clientId);
        out[who] = rounds.some((r) => r.id === roundId);
      }
      return out;
    };
    expect(await seen()).toEqual({ author: false, owner: false, colleague: false });
    await setSharedWithSupervisor(ctx(), cast.self, roundId, true);
    expect(await seen()).toEqual({ author: true, owner: false, colleague: false });
    await setSharedWithSupervisor(ctx(), cast.self, roundId, false);
    expect(await seen()).toEqual({ author: false, owner: false, colleague: false });
  });

  it('follow the same threshold, and show on the client page', async () => {
    const roundId = await createFeedbackRound(db(), cast.self, { title: 'Kynnyskierros' });
    await setSharedWithSupervisor(ctx(), cast.self, roundId, true);
    const token = await sharedToken(db(), cast.self, roundId);
    await answerWith(db(), token, { roundId, scale: [1, 2] });
    await answerWith(db(), token, { roundId, scale: [5, 5] });
    const pageData = async () => {
      const context = await loadContextFor(db(), cast.author.userId);
      const request = new Request(`http://localhost/clients/${cast.clientId}`);
      const data = await clientPage({ request, params: { clientId: cast.clientId }, context });
      return data.sharedFeedback.find((r) => r.id === roundId);
    };
    expect((await pageData())?.results).toEqual({
      visible: false,
      minAnswers: 3,
      responseCount: 2,
    });
    await answerWith(db(), token, { roundId, scale: [3, 3] });
    const shown = await pageData();
    expect(shown?.title).toBe('Kynnyskierros');
    expect(shown?.results.visible).toBe(true);
  });

  it('mayReadSharedResults as a table', () => {
    const facts = {
      practiceId: cast.owner.practiceId,
      sharedWithSupervisorAt: new Date(),
      contractSupervisorIds: [cast.author.userId],
    };
    expect(mayReadSharedResults(cast.author, facts)).toBe(true);
    expect(mayReadSharedResults(cast.author, { ...facts, sharedWithSupervisorAt: null })).toBe(
      false,
    );
    expect(mayReadSharedResults(cast.owner, facts)).toBe(false);
    expect(mayReadSharedResults(colleague, facts)).toBe(false);
    expect(mayReadSharedResults(cast.self, facts)).toBe(false);
    expect(
      mayReadSharedResults({ ...cast.author, practiceId: cast.otherPractice.practiceId }, facts),
    ).toBe(false);
  });
});

describe('the practice’s threshold', () => {
  it('an owner may raise it; results then wait for that many answers', async () => {
    const roundId = await createFeedbackRound(db(), cast.self);
    const token = await sharedToken(db(), cast.self, roundId);
    await setMinAnswers(ctx(), cast.owner, 4);
    for (let i = 0; i < 3; i++) await answerWith(db(), token, { roundId, scale: [3, 4] });
    const results = async () => roundResults(ctx(), await findOwnRound(ctx(), cast.self, roundId));
    expect(await results()).toEqual({ visible: false, minAnswers: 4, responseCount: 3 });
    await answerWith(db(), token, { roundId, scale: [3, 4] });
    expect((await results()).visible).toBe(true);
    await setMinAnswers(ctx(), cast.owner, 3);
  });

  it('never below three, and only the owner sets it', async () => {
    expect(minAnswersSchema.safeParse({ minAnswers: '2' }).success).toBe(false);
    expect(minAnswersSchema.safeParse({ minAnswers: '3' }).success).toBe(true);
    expect(await outcomeOf(setMinAnswers(ctx(), cast.author, 5))).toBe('forbidden');
    await setMinAnswers(ctx(), cast.owner, 1);
    const roundId = await createFeedbackRound(db(), cast.self);
    const token = await sharedToken(db(), cast.self, roundId);
    await answerWith(db(), token, { roundId, scale: [3, 4] });
    await answerWith(db(), token, { roundId, scale: [3, 4] });
    const results = await roundResults(ctx(), await findOwnRound(ctx(), cast.self, roundId));
    expect(results).toEqual({ visible: false, minAnswers: 3, responseCount: 2 });
  });
});

describe('the supervisee’s export', () => {
  it('holds their own rounds with aggregated results only', async () => {
    const roundId = await createFeedbackRound(db(), cast.self, { title: 'Vientikierros' });
    const token = await sharedToken(db(), cast.self, roundId);
    for (const scale of [
      [1, 2],
      [3, 4],
      [5, 5],
    ]) {
      await answerWith(db(), token, { roundId, scale, text: ['Vientiteksti'] });
    }
    const own = await exportFeedbackRounds(ctx(), cast.self);
    const exported = own.find((r) => r.id === roundId);
    expect(exported?.title).toBe('Vientikierros');
    expect(exported?.results).toMatchObject({ visible: true, responseCount: 3 });
    const groupmate = await exportFeedbackRounds(ctx(), cast.sameGroup);
    expect(groupmate.some((r) => r.id === roundId)).toBe(false);
  });
});
