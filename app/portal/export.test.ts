/**
 * The supervisee's data export: everything of theirs in the practice, and nothing else — not
 * a group-mate's marks, reflections, messages, exercise answers or rounds, not a draft or a
 * private note, not the supervisor's own evaluation, not feedback results under the
 * threshold. Reading it is audited, and it costs the same number of queries however many
 * contracts and sessions there are.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { contractGoals, noteAuditLog, securityEvents } from '#db/schema';
import { publishActions } from '#db/testing/between-sessions';
import { testContext } from '#db/testing/context';
import { createContractFixture } from '#db/testing/factories';
import { answerWith, createFeedbackRound, sharedToken } from '#db/testing/feedback';
import { createPortalCast } from '#db/testing/portal';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase, queryCounter } from '#db/testing/test-database';
import { markAgreedAction } from '~/between-sessions/action-marks.server';
import { saveReflection } from '~/between-sessions/reflections.server';
import { askSupervisor } from '~/between-sessions/requests.server';
import { recordEvaluation } from '~/evaluations/evaluations.server';
import { answerEvaluation } from '~/evaluations/portal-evaluations.server';
import { saveAnswer } from '~/exercises/answers.server';
import { assignExercise } from '~/exercises/assignments.server';
import { listExercises } from '~/exercises/toolkit.server';
import { emptyPrivateNote, emptySharedDraft } from '~/notes/content';
import { saveNote } from '~/notes/save-note.server';
import type { MemberActor, SuperviseeActor } from '~/practices/actor';

import { exportSupervisee, type SuperviseeExport } from './export.server';

/** Anything holding this must never reach `self`'s export. */
const HIDDEN = 'EI-VIENTIIN-4b9d';
const PUBLISHED = 'Päätimme kokeilla viikkopalaveria.';
const NOW = new Date('2026-11-20T10:00:00Z');

const counter = queryCounter();
let database: Database;
let cast: Awaited<ReturnType<typeof createPortalCast>>;
let comingSessionId: string;
let exported: SuperviseeExport;
const ctx = () => testContext(database.db, NOW);

const held = (actor: MemberActor, contractId: string, startsAt: string) =>
  insertSession(database.db, {
    practiceId: actor.practiceId,
    contractId,
    supervisorId: actor.userId,
    startsAt: new Date(startsAt),
    status: 'held',
  });

async function assign(clientId: string) {
  const [exercise] = await listExercises(ctx(), cast.author);
  if (!exercise) throw new Error('the toolkit is empty');
  return assignExercise(ctx(), cast.author, cast.contractId, {
    exerciseId: exercise.id,
    clientId,
    dueOn: '2026-12-01',
  });
}

/** A round of the actor's with `answers` answers through its shared link. */
async function roundWithAnswers(actor: SuperviseeActor, title: string, answers: number) {
  const roundId = await createFeedbackRound(database.db, actor, { title, now: NOW });
  const token = await sharedToken(database.db, actor, roundId);
  for (let n = 0; n < answers; n += 1) {
    await answerWith(database.db, token, {
      roundId,
      scale: [4, 5],
      text: [`Vastaus ${title} ${n}`],
      ip: `192.0.2.${n + 1}`,
      now: NOW,
    });
  }
  return roundId;
}

beforeAll(async () => {
  database = await createTestDatabase({ logger: counter });
  cast = await createPortalCast(database.db);
  const { author } = cast;
  const mate = cast.sameGroup;
  const db = database.db;
  // The group's session: published with an action, then a later draft that is never released.
  const [actionId] = await publishActions(db, author, cast.sessionId, ['Kysy tiimiltä'], {
    privateText: HIDDEN,
    draftText: PUBLISHED,
  });
  if (!actionId) throw new Error('no action');
  await saveNote(ctx(), author, cast.sessionId, {
    baseVersion: 1,
    private: { ...emptyPrivateNote, general: HIDDEN },
    shared: { ...emptySharedDraft, role: HIDDEN, actions: ['Kysy tiimiltä', HIDDEN] },
    themes: null,
  });
  // A later session of the group whose summary was never published.
  const draftOnly = await held(author, cast.contractId, '2026-11-17T08:00:00Z');
  await saveNote(ctx(), author, draftOnly, {
    baseVersion: 0,
    private: { ...emptyPrivateNote, power: HIDDEN },
    shared: { ...emptySharedDraft, power: HIDDEN },
    themes: null,
  });
  await insertSession(db, {
    practiceId: author.practiceId,
    contractId: cast.contractId,
    supervisorId: author.userId,
    startsAt: new Date('2026-11-03T08:00:00Z'),
    status: 'no_show',
  });
  comingSessionId = await insertSession(db, {
    practiceId: author.practiceId,
    contractId: cast.contractId,
    supervisorId: author.userId,
    startsAt: new Date('2026-12-01T08:00:00Z'),
  });

  // What self writes, and what their group-mate writes on the same things.
  await markAgreedAction(ctx(), cast.self, { actionId, state: 'done', comment: 'Kysyin.' });
  await markAgreedAction(ctx(), mate, { actionId, state: 'not_done', comment: HIDDEN });
  await saveReflection(ctx(), cast.self, cast.sessionId, { moment: 'after', text: 'Jäi mieleen' });
  await saveReflection(ctx(), cast.self, cast.sessionId, { moment: 'before', text: 'Tuon tämän' });
  await saveReflection(ctx(), mate, cast.sessionId, { moment: 'after', text: HIDDEN });
  const appOrigin = 'https://ohjaamo.test';
  await askSupervisor(ctx(), cast.self, comingSessionId, {
    kind: 'cannot_attend',
    message: 'Olen lomalla.',
    appOrigin,
  });
  await askSupervisor(ctx(), mate, comingSessionId, {
    kind: 'new_time',
    message: HIDDEN,
    appOrigin,
  });
  const own = await assign(cast.clientId);
  await saveAnswer(ctx(), cast.self, own, {
    answer: 'Luonnos vastaukseksi',
    submit: false,
    share: false,
  });
  const mates = await assign(mate.clientIds[0] ?? '');
  await saveAnswer(ctx(), mate, mates, { answer: HIDDEN, submit: true, share: true });
  await answerEvaluation(ctx(), cast.self, cast.contractId, {
    kind: 'start',
    scores: {},
    comment: 'Alku tuntuu hyvältä',
  });
  await recordEvaluation(ctx(), author, cast.contractId, {
    kind: 'start',
    respondentClientId: null,
    scores: {},
    comment: HIDDEN,
  });
  await roundWithAnswers(cast.self, 'Kaksi vastausta', 2);
  await roundWithAnswers(cast.self, 'Kolme vastausta', 3);
  await roundWithAnswers(mate, HIDDEN, 3);

  exported = await exportSupervisee(ctx(), cast.self);
}, 120_000);
afterAll(() => database.close());

describe('a supervisee’s export', () => {
  it('holds their profile, their agreed contract and its sessions', () => {
    expect(exported.profile).toEqual({
      name: 'Tuula Työnohjattava',
      email: cast.self.email,
      practiceName: expect.any(String),
    });
    expect(exported.contracts.map((c) => c.id)).toEqual([cast.contractId]);
    const [contract] = exported.contracts;
    expect(contract).toMatchObject({
      form: 'group',
      cancellation: { noticeHours: expect.any(Number) },
      progress: { agreed: 10 },
    });
    expect(
      exported.sessions.map((s) => [
        s.startsAt.toISOString(),
        s.outcome,
        s.chargedAsCancelledOrMissed,
      ]),
    ).toEqual([
      ['2026-11-03T08:00:00.000Z', 'missed', true],
      ['2026-11-10T08:00:00.000Z', 'held', false],
      ['2026-11-17T08:00:00.000Z', 'held', false],
      ['2026-12-01T08:00:00.000Z', 'scheduled', false],
    ]);
    expect(exported.sessions[1]).toMatchObject({
      durationMinutes: 60,
      contractCode: contract?.code,
    });
  });

  it('holds the published summary, not the later draft nor a session never published', () => {
    expect(exported.summaries).toHaveLength(1);
    expect(exported.summaries[0]).toMatchObject({
      sessionId: cast.sessionId,
      revision: 1,
      themes: { environment: PUBLISHED, role: '', power: '', dialogue: '' },
    });
  });

  it('holds their own marks, reflections, messages and exercise answers — drafts too', () => {
    expect(exported.actions).toEqual([
      expect.objectContaining({
        sessionId: cast.sessionId,
        actions: [
          expect.objectContaining({ text: 'Kysy tiimiltä', state: 'done', comment: 'Kysyin.' }),
        ],
      }),
    ]);
    expect(exported.reflections.map((r) => [r.moment, r.text])).toEqual([
      ['before', 'Tuon tämän'],
      ['after', 'Jäi mieleen'],
    ]);
    expect(exported.messagesToSupervisor).toEqual([
      expect.objectContaining({ kind: 'cannot_attend', message: 'Olen lomalla.' }),
    ]);
    expect(exported.exercises).toEqual([
      expect.objectContaining({ state: 'draft', shared: false, answer: 'Luonnos vastaukseksi' }),
    ]);
  });

  it('holds their own evaluation answer and not the supervisor’s evaluation', () => {
    expect(exported.evaluations).toEqual([
      expect.objectContaining({
        answers: [
          expect.objectContaining({
            kind: 'start',
            answeredInPortal: true,
            comment: 'Alku tuntuu hyvältä',
          }),
        ],
      }),
    ]);
  });

  it('holds their rounds with results only from the threshold up, never per respondent', () => {
    const byTitle = new Map(exported.feedbackRounds.map((r) => [r.title, r.results]));
    expect([...byTitle.keys()].sort()).toEqual(['Kaksi vastausta', 'Kolme vastausta']);
    expect(byTitle.get('Kaksi vastausta')).toEqual({
      visible: false,
      minAnswers: 3,
      responseCount: 2,
    });
    const visible = byTitle.get('Kolme vastausta');
    expect(visible).toMatchObject({ visible: true, responseCount: 3 });
    const questions = visible?.visible ? visible.questions : [];
    expect(questions[0]).toMatchObject({ kind: 'scale', count: 3, distribution: [0, 0, 0, 3, 0] });
    expect(JSON.stringify(exported)).not.toContain('Vastaus Kaksi vastausta');
  });

  it('holds nothing of the group-mate, of a draft, a private note or another practice', () => {
    const text = JSON.stringify(exported);
    expect(text).not.toContain(HIDDEN);
    expect(text).not.toContain(cast.individualContractId);
    expect(text).not.toContain(cast.individualSessionId);
  });

  it('gives a supervisee of another practice only their own', async () => {
    const theirs = await exportSupervisee(ctx(), cast.otherPractice);
    expect(theirs.contracts).toHaveLength(1);
    expect(theirs.contracts[0]?.id).not.toBe(cast.contractId);
    expect(JSON.stringify(theirs)).not.toContain(cast.sessionId);
    expect(theirs.summaries).toEqual([]);
    expect(theirs.feedbackRounds).toEqual([]);
  });

  it('is audited: the summaries it holds as read, the export as a security event', async () => {
    const reads = await database.db
      .select()
      .from(noteAuditLog)
      .where(
        and(eq(noteAuditLog.actorId, cast.self.userId), eq(noteAuditLog.action, 'read_shared')),
      );
    expect(reads.map((r) => r.sessionId)).toEqual([cast.sessionId]);
    const events = await database.db
      .select()
      .from(securityEvents)
      .where(eq(securityEvents.userId, cast.self.userId));
    expect(events.map((e) => e.kind)).toEqual(['data_exported']);
  });
});

describe('query count', () => {
  it('stays the same however many contracts, goals, sessions and summaries there are', async () => {
    const fresh = await createPortalCast(database.db);
    const measure = async () => {
      counter.reset();
      await exportSupervisee(ctx(), fresh.self);
      return counter.count;
    };
    await publishActions(database.db, fresh.author, fresh.sessionId, ['Yksi']);
    await saveReflection(ctx(), fresh.self, fresh.sessionId, { moment: 'after', text: 'Yksi' });
    const few = await measure();

    for (let n = 0; n < 3; n += 1) {
      const { contractId } = await createContractFixture(database.db, fresh.author, {
        participants: [fresh.clientId],
      });
      await database.db.insert(contractGoals).values(
        [0, 1].map((position) => ({
          contractId,
          practiceId: fresh.author.practiceId,
          position,
          text: `Tavoite ${position}`,
          theme: 'power' as const,
        })),
      );
      for (const day of [3, 4]) {
        const sessionId = await held(fresh.author, contractId, `2026-11-0${day}T0${n + 7}:00:00Z`);
        await publishActions(database.db, fresh.author, sessionId, [`Teko ${n} ${day}`]);
        await saveReflection(ctx(), fresh.self, sessionId, { moment: 'after', text: `${n}` });
      }
    }
    const many = await measure();
    expect(many).toBe(few);
    expect((await exportSupervisee(ctx(), fresh.self)).summaries).toHaveLength(7);
  });
});
