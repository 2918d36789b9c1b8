import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { agreedActions, noteAuditLog, sessionNotes, summaryPublications } from '#db/schema';
import { testContext } from '#db/testing/context';
import {
  addMember,
  createContractFixture,
  createPracticeWithOwner,
  TEST_ORIGIN,
} from '#db/testing/factories';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase } from '#db/testing/test-database';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import { emptyPrivateNote, emptySharedDraft } from './content';
import { getNoteForEditing } from './get-note-for-editing.server';
import { publishSummary } from './publish-summary.server';
import { getPublishedSummary } from './published-summary.server';
import { saveNote } from './save-note.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

const SECRET = 'Pelkää, että yövuorolaisten kiukku purkautuu häneen';
const SHARED = 'Sovimme, että hän kokeilee viikkopalaveria';

/** A practice whose owner employs a supervisor with one held session. */
async function setting() {
  const { owner } = await createPracticeWithOwner(db());
  const supervisor = await addMember(db(), owner.practiceId, 'supervisor');
  const colleague = await addMember(db(), owner.practiceId, 'supervisor');
  const { contractId } = await createContractFixture(db(), supervisor);
  const sessionId = await insertSession(db(), {
    practiceId: owner.practiceId,
    contractId,
    supervisorId: supervisor.userId,
    startsAt: new Date('2026-11-10T08:00:00Z'),
    status: 'held',
  });
  return { owner, supervisor, colleague, sessionId };
}

const note = (overrides: Partial<typeof emptyPrivateNote> = {}, shared = {}) => ({
  private: { ...emptyPrivateNote, power: SECRET, ...overrides },
  shared: {
    ...emptySharedDraft,
    environment: SHARED,
    actions: ['Kokeile viikkopalaveria'],
    ...shared,
  },
  themes: null,
});

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('session notes', () => {
  it('are stored encrypted and read back by their author, with themes derived', async () => {
    const { supervisor, sessionId } = await setting();
    const saved = await saveNote(testContext(db()), supervisor, sessionId, {
      baseVersion: 0,
      ...note(),
    });
    expect(saved).toEqual({ version: 1, themes: ['power', 'environment'] });

    const [raw] = await db()
      .select()
      .from(sessionNotes)
      .where(eq(sessionNotes.sessionId, sessionId));
    expect(JSON.stringify(raw)).not.toContain('yövuorolaisten');
    expect(JSON.stringify(raw)).not.toContain('viikkopalaveria');

    const read = await getNoteForEditing(testContext(db()), supervisor, sessionId);
    expect(read.private.power).toBe(SECRET);
    expect(read.shared.environment).toBe(SHARED);
    expect(read.version).toBe(1);
  });

  it('are not found for the practice owner, another supervisor or another practice', async () => {
    const { owner, colleague, supervisor, sessionId } = await setting();
    await saveNote(testContext(db()), supervisor, sessionId, { baseVersion: 0, ...note() });
    await publishSummary(testContext(db()), supervisor, sessionId, { appOrigin: TEST_ORIGIN });
    const stranger = (await createPracticeWithOwner(db())).owner;
    const intruders: MemberActor[] = [owner, colleague, stranger];
    for (const intruder of intruders) {
      for (const attempt of [
        () => getNoteForEditing(testContext(db()), intruder, sessionId),
        () =>
          saveNote(testContext(db()), intruder, sessionId, {
            baseVersion: 1,
            ...note({ power: 'x' }),
          }),
        () => publishSummary(testContext(db()), intruder, sessionId, { appOrigin: TEST_ORIGIN }),
        () => getPublishedSummary(testContext(db()), intruder, sessionId, 1),
      ]) {
        expect((await errorOf(attempt())).code).toBe('not_found');
      }
    }
    expect((await getNoteForEditing(testContext(db()), supervisor, sessionId)).private.power).toBe(
      SECRET,
    );
  });

  it('refuse a stale edit and keep the newer text', async () => {
    const { supervisor, sessionId } = await setting();
    await saveNote(testContext(db()), supervisor, sessionId, { baseVersion: 0, ...note() });
    // Two windows opened at version 1; the first saves.
    await saveNote(testContext(db()), supervisor, sessionId, {
      baseVersion: 1,
      ...note({ power: 'ikkuna A' }),
    });
    const stale = await errorOf(
      saveNote(testContext(db()), supervisor, sessionId, {
        baseVersion: 1,
        ...note({ power: 'ikkuna B' }),
      }),
    );
    expect(stale.messageKey).toBe('notes.staleEdit');
    const current = await getNoteForEditing(testContext(db()), supervisor, sessionId);
    expect(current).toMatchObject({ version: 2, private: { power: 'ikkuna A' } });
    // Saving again on top of what is there now goes through.
    await saveNote(testContext(db()), supervisor, sessionId, {
      baseVersion: 2,
      ...note({ power: 'ikkuna B' }),
    });
    expect((await getNoteForEditing(testContext(db()), supervisor, sessionId)).private.power).toBe(
      'ikkuna B',
    );
  });

  it('let only one of two first saves through', async () => {
    const { supervisor, sessionId } = await setting();
    const results = await Promise.allSettled([
      saveNote(testContext(db()), supervisor, sessionId, {
        baseVersion: 0,
        ...note({ power: 'A' }),
      }),
      saveNote(testContext(db()), supervisor, sessionId, {
        baseVersion: 0,
        ...note({ power: 'B' }),
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('publish revisions, keep the earlier ones, and keep done actions done', async () => {
    const { supervisor, sessionId } = await setting();
    await saveNote(testContext(db()), supervisor, sessionId, { baseVersion: 0, ...note() });
    expect(
      await publishSummary(testContext(db()), supervisor, sessionId, { appOrigin: TEST_ORIGIN }),
    ).toEqual({ revision: 1 });
    await db()
      .update(agreedActions)
      .set({ doneAt: new Date() })
      .where(eq(agreedActions.sessionId, sessionId));

    await saveNote(testContext(db()), supervisor, sessionId, {
      baseVersion: 1,
      ...note(
        {},
        { environment: 'Tarkennettu', actions: ['Kokeile viikkopalaveria', 'Kysy palautetta'] },
      ),
    });
    expect(
      await publishSummary(testContext(db()), supervisor, sessionId, { appOrigin: TEST_ORIGIN }),
    ).toEqual({ revision: 2 });

    expect(
      (await getPublishedSummary(testContext(db()), supervisor, sessionId, 1)).environment,
    ).toBe(SHARED);
    expect(
      (await getPublishedSummary(testContext(db()), supervisor, sessionId, 2)).environment,
    ).toBe('Tarkennettu');
    const actions = await db()
      .select()
      .from(agreedActions)
      .where(eq(agreedActions.sessionId, sessionId))
      .orderBy(agreedActions.position);
    expect(actions.map((a) => a.doneAt !== null)).toEqual([true, false]);
    const publications = await db()
      .select()
      .from(summaryPublications)
      .where(eq(summaryPublications.sessionId, sessionId));
    expect(JSON.stringify(publications)).not.toContain('Tarkennettu');
  });

  it('refuse to publish an empty summary', async () => {
    const { supervisor, sessionId } = await setting();
    await saveNote(testContext(db()), supervisor, sessionId, {
      baseVersion: 0,
      ...note({}, { environment: '', actions: [] }),
    });
    expect(
      (
        await errorOf(
          publishSummary(testContext(db()), supervisor, sessionId, { appOrigin: TEST_ORIGIN }),
        )
      ).messageKey,
    ).toBe('notes.nothingToPublish');
  });

  it('leave an audit trail of reads, writes and publications without any text', async () => {
    const { supervisor, sessionId } = await setting();
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 10, 9, minute));
    await saveNote(testContext(db(), at(1)), supervisor, sessionId, { baseVersion: 0, ...note() });
    await getNoteForEditing(testContext(db(), at(2)), supervisor, sessionId);
    await publishSummary(testContext(db(), at(3)), supervisor, sessionId, {
      appOrigin: TEST_ORIGIN,
    });
    await getPublishedSummary(testContext(db(), at(4)), supervisor, sessionId, 1);
    // One call writes several rows with the same time: (time, action) is what is unique.
    const trail = await db()
      .select()
      .from(noteAuditLog)
      .where(eq(noteAuditLog.sessionId, sessionId))
      .orderBy(asc(noteAuditLog.createdAt), asc(noteAuditLog.action));
    expect(trail.map((e) => e.action)).toEqual([
      'write_private',
      'write_shared',
      'read_private',
      'read_shared',
      'publish',
      'read_shared',
    ]);
    expect(trail.every((e) => e.actorId === supervisor.userId)).toBe(true);
    expect(JSON.stringify(trail)).not.toContain('yövuoro');
  });
});
