/**
 * The Today page's questions, on a real database: which sessions wait for whom and why, what
 * is coming, evaluations due, contracts near their end, and the owner's practice view — and
 * that nothing of another supervisor or another practice appears.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import {
  agreedActionMarks,
  agreedActions,
  clients,
  sessionReflections,
  supervisionSessions,
} from '#db/schema';
import { testContext } from '#db/testing/context';
import { addMember, createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase } from '#db/testing/test-database';
import { recordEvaluation } from '~/evaluations/evaluations.server';
import { emptyPrivateNote, emptySharedDraft } from '~/notes/content';
import { publishSummary } from '~/notes/publish-summary.server';
import { saveNote } from '~/notes/save-note.server';
import type { MemberActor } from '~/practices/actor';

import { getToday } from './today.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

// Wednesday 18.11.2026 at 12.00 Helsinki time.
const now = new Date('2026-11-18T10:00:00Z');
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);
const ctx = () => testContext(db(), now);

async function session(
  actor: MemberActor,
  contractId: string,
  startsAt: Date,
  status: 'scheduled' | 'held' | 'no_show' | 'cancelled' = 'scheduled',
) {
  return insertSession(db(), {
    practiceId: actor.practiceId,
    contractId,
    supervisorId: actor.userId,
    startsAt,
    status,
  });
}

async function writeNote(actor: MemberActor, sessionId: string, summary: string | null) {
  await saveNote(ctx(), actor, sessionId, {
    baseVersion: 0,
    private: { ...emptyPrivateNote, general: 'Oma muistiinpano' },
    shared: { ...emptySharedDraft, ...(summary ? { role: summary } : {}) },
    themes: null,
  });
}

describe('the sessions on Today', () => {
  it('lists each unfinished session once, with the step that waits, oldest first', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const { contractId } = await createContractFixture(db(), owner, {
      location: 'Kauppakatu 1',
    });
    const noOutcome = await session(owner, contractId, hours(-50));
    const noNotes = await session(owner, contractId, hours(-48 * 7), 'held');
    const unpublished = await session(owner, contractId, hours(-24 * 7), 'held');
    await writeNote(owner, unpublished, 'Yhteinen yhteenveto');
    const done = await session(owner, contractId, hours(-24 * 3), 'held');
    await writeNote(owner, done, 'Julkaistu');
    await publishSummary(ctx(), owner, done, null);
    const privateOnly = await session(owner, contractId, hours(-24 * 4), 'held');
    await writeNote(owner, privateOnly, null);
    await session(owner, contractId, hours(-30), 'no_show');
    await session(owner, contractId, hours(-28), 'cancelled');

    const today = await getToday(ctx(), owner);
    expect(today.waiting.map((s) => [s.id, s.waiting])).toEqual([
      [noNotes, 'notes'],
      [unpublished, 'publish'],
      [privateOnly, 'publish'],
      [noOutcome, 'outcome'],
    ]);
    expect(today.waiting[0]).toMatchObject({ who: 'Maria Lehtonen', where: 'Kauppakatu 1' });
  });

  it('shows today’s and the coming week’s sessions, not later ones nor finished ones', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const { contractId } = await createContractFixture(db(), owner, {
      location: null,
      remoteLink: 'https://meet.example/abc',
    });
    const inProgress = await session(owner, contractId, hours(-0.5));
    const tonight = await session(owner, contractId, hours(6));
    const nextWeek = await session(owner, contractId, hours(24 * 7));
    await session(owner, contractId, hours(24 * 9));
    await session(owner, contractId, hours(3), 'cancelled');

    const today = await getToday(ctx(), owner);
    expect(today.coming.map((s) => s.id)).toEqual([inProgress, tonight, nextWeek]);
    expect(today.coming[0]?.where).toBe('https://meet.example/abc');
    expect(today.waiting).toEqual([]);
  });

  it('names every participant of a group session', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const [olli] = await db()
      .insert(clients)
      .values({ practiceId: owner.practiceId, name: 'Olli Aho' })
      .returning({ id: clients.id });
    const { contractId, clientId } = await createContractFixture(db(), owner, { form: 'group' });
    const group = await createContractFixture(db(), owner, {
      form: 'group',
      participants: [clientId, olli?.id ?? ''],
    });
    await session(owner, group.contractId, hours(2));
    await session(owner, contractId, hours(4));
    const today = await getToday(ctx(), owner);
    expect(today.coming.map((s) => s.who)).toEqual(['Maria Lehtonen, Olli Aho', 'Maria Lehtonen']);
  });

  it('leaves out another supervisor’s sessions and another practice’s, the owner’s view included', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const colleague = await addMember(db(), owner.practiceId, 'supervisor');
    const theirs = await createContractFixture(db(), colleague);
    await session(colleague, theirs.contractId, hours(-3));
    await session(colleague, theirs.contractId, hours(3));
    const other = await createPracticeWithOwner(db());
    const elsewhere = await createContractFixture(db(), other.owner);
    await session(other.owner, elsewhere.contractId, hours(-3));

    const ownerToday = await getToday(ctx(), owner);
    expect(ownerToday.waiting).toEqual([]);
    expect(ownerToday.coming).toEqual([]);
    const colleagueToday = await getToday(ctx(), colleague);
    expect(colleagueToday.waiting.map((s) => s.waiting)).toEqual(['outcome']);
    expect(colleagueToday.coming).toHaveLength(1);
  });

  it('does not ask for notes that belong to someone else after a reassignment', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const colleague = await addMember(db(), owner.practiceId, 'supervisor');
    const { contractId } = await createContractFixture(db(), owner);
    const held = await session(owner, contractId, hours(-24), 'held');
    await writeNote(owner, held, 'Kirjoittajan yhteenveto');
    // The session moves to the colleague; the note stays its author's.
    await db()
      .update(supervisionSessions)
      .set({ supervisorId: colleague.userId })
      .where(eq(supervisionSessions.id, held));
    expect((await getToday(ctx(), colleague)).waiting).toEqual([]);
    expect((await getToday(ctx(), owner)).waiting).toEqual([]);
  });
});

describe('supervisees’ entries on Today', () => {
  it('names a session where a supervisee wrote or marked lately, to its supervisor only', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const { contractId, clientId } = await createContractFixture(db(), owner);
    const reflected = await session(owner, contractId, hours(-24 * 5), 'held');
    const marked = await session(owner, contractId, hours(-24 * 12), 'held');
    const longAgo = await session(owner, contractId, hours(-24 * 30), 'held');
    await db()
      .insert(sessionReflections)
      .values([
        {
          practiceId: owner.practiceId,
          sessionId: reflected,
          clientId,
          moment: 'after',
          textEncrypted: 'sealed',
          updatedAt: hours(-24),
        },
        {
          practiceId: owner.practiceId,
          sessionId: longAgo,
          clientId,
          moment: 'after',
          textEncrypted: 'sealed',
          updatedAt: hours(-24 * 20),
        },
      ]);
    const [action] = await db()
      .insert(agreedActions)
      .values({ practiceId: owner.practiceId, sessionId: marked, position: 0, textEncrypted: 'x' })
      .returning({ id: agreedActions.id });
    await db()
      .insert(agreedActionMarks)
      .values({
        practiceId: owner.practiceId,
        actionId: action?.id ?? '',
        clientId,
        state: 'done',
        updatedAt: hours(-2),
      });

    const today = await getToday(ctx(), owner);
    expect(today.updated.map((s) => [s.id, s.updatedAt])).toEqual([
      [marked, hours(-2)],
      [reflected, hours(-24)],
    ]);
    // Another supervisor of the practice sees nothing of it.
    const colleague = await addMember(db(), owner.practiceId, 'supervisor');
    expect((await getToday(ctx(), colleague)).updated).toEqual([]);
  });
});

describe('contracts and evaluations on Today', () => {
  it('lists a contract whose last session is next or whose planned end is near', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const lastOneLeft = await createContractFixture(db(), owner, { sessionsAgreed: 2 });
    await session(owner, lastOneLeft.contractId, hours(-24 * 20), 'held');
    const endingSoon = await createContractFixture(db(), owner, { plannedEndOn: '2026-12-10' });
    await createContractFixture(db(), owner, { plannedEndOn: '2027-06-30' });
    const codes = (await getToday(ctx(), owner)).ending.map((c) => c.id);
    expect(codes.sort()).toEqual([lastOneLeft.contractId, endingSoon.contractId].sort());
  });

  it('asks for the supervisor’s own view at the latest open point until it is recorded', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const { contractId } = await createContractFixture(db(), owner, { sessionsAgreed: 4 });
    expect((await getToday(ctx(), owner)).evaluationsDue).toMatchObject([
      { contractId, kind: 'start' },
    ]);
    await session(owner, contractId, hours(-24 * 30), 'held');
    await session(owner, contractId, hours(-24 * 10), 'held');
    expect((await getToday(ctx(), owner)).evaluationsDue).toMatchObject([
      { contractId, kind: 'middle' },
    ]);
    await recordEvaluation(ctx(), owner, contractId, {
      kind: 'middle',
      respondentClientId: null,
      scores: {},
      comment: null,
    });
    expect((await getToday(ctx(), owner)).evaluationsDue).toEqual([]);
  });

  it('shows the owner the practice’s ending contracts with their supervisor, a supervisor only theirs', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const colleague = await addMember(db(), owner.practiceId, 'supervisor');
    const theirs = await createContractFixture(db(), colleague, { plannedEndOn: '2026-11-30' });
    const ownerView = await getToday(ctx(), owner);
    expect(ownerView.ending).toMatchObject([
      { id: theirs.contractId, supervisorName: 'Sini Supervisor' },
    ]);
    // The colleague's evaluations are theirs to record, not the owner's.
    expect(ownerView.evaluationsDue).toEqual([]);
    const colleagueView = await getToday(ctx(), colleague);
    expect(colleagueView.ending).toMatchObject([{ id: theirs.contractId, supervisorName: null }]);
    expect(colleagueView.practice).toBeNull();
  });
});

describe('the owner’s practice on Today', () => {
  it('names supervisees without a contract in progress and counts sessions ready to invoice', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const { contractId } = await createContractFixture(db(), owner);
    const ended = await createContractFixture(db(), owner, { status: 'ended' });
    await db()
      .insert(clients)
      .values({ practiceId: owner.practiceId, name: 'Aapo Arkistoitu', archivedAt: now });
    // Last month: held and a no-show are billable; a session of this month is not yet.
    await session(owner, contractId, new Date('2026-10-20T08:00:00Z'), 'held');
    await session(owner, contractId, new Date('2026-10-27T08:00:00Z'), 'no_show');
    await session(owner, contractId, new Date('2026-11-03T08:00:00Z'), 'held');

    const practice = (await getToday(ctx(), owner)).practice;
    expect(practice?.unassigned.map((c) => c.id)).toEqual([ended.clientId]);
    expect(practice?.unassignedCount).toBe(1);
    expect(practice?.readyToInvoice).toBe(2);
    const other = await createPracticeWithOwner(db());
    expect((await getToday(ctx(), other.owner)).practice).toEqual({
      unassigned: [],
      unassignedCount: 0,
      readyToInvoice: 0,
    });
  });
});
