import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { sessionNotes, supervisionSessions } from '#db/schema';
import { type CastRole, createAccessCast, outcomeOf } from '#db/testing/access-cast';
import { testContext } from '#db/testing/context';
import { TEST_ORIGIN } from '#db/testing/factories';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase } from '#db/testing/test-database';
import type { SuperviseeActor } from '~/practices/actor';

import { mayOpenNote, mayReadPublication } from './access.server';
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

const PRIVATE = 'Pelkää esihenkilönsä reaktiota';
const SHARED = 'Kokeilee viikkopalaveria kuukauden ajan';

function note(privateText = PRIVATE, sharedText = SHARED) {
  return {
    private: { ...emptyPrivateNote, power: privateText },
    shared: { ...emptySharedDraft, environment: sharedText },
    themes: null,
  };
}

/** The cast with a saved note and one published summary by the author. */
async function withNote() {
  const cast = await createAccessCast(db());
  await saveNote(testContext(db()), cast.author, cast.sessionId, { baseVersion: 0, ...note() });
  await publishSummary(testContext(db()), cast.author, cast.sessionId, { appOrigin: TEST_ORIGIN });
  return cast;
}

type Use = 'read note' | 'write note' | 'publish' | 'read published summary';
const uses: Record<
  Use,
  (cast: Awaited<ReturnType<typeof withNote>>, who: CastRole) => Promise<unknown>
> = {
  'read note': (c, who) => getNoteForEditing(testContext(db()), c.actors[who], c.sessionId),
  'write note': (c, who) =>
    saveNote(testContext(db()), c.actors[who], c.sessionId, { baseVersion: 1, ...note('x', 'y') }),
  publish: (c, who) =>
    publishSummary(testContext(db()), c.actors[who], c.sessionId, { appOrigin: TEST_ORIGIN }),
  'read published summary': (c, who) =>
    getPublishedSummary(testContext(db()), c.actors[who], c.sessionId, 1),
};

const table: [Use, CastRole, string][] = [];
for (const use of Object.keys(uses) as Use[]) {
  table.push([use, 'author', 'allowed']);
  for (const who of ['colleague', 'owner', 'outsider'] as const)
    table.push([use, who, 'not_found']);
}

describe('who may use a session note', () => {
  it.each(table)('%s as %s: %s', async (use, who, expected) => {
    const cast = await withNote();
    expect(await outcomeOf(uses[use](cast, who))).toBe(expected);
  });

  const supervisee = (clientIds: string[]): SuperviseeActor => ({
    kind: 'supervisee',
    userId: '00000000-0000-4000-8000-000000000009',
    practiceId: '00000000-0000-4000-8000-000000000008',
    clientIds,
  });
  it.each([
    ['a participant of the contract', ['c1'], true],
    ['someone else', ['c2'], false],
  ] as const)('a published summary is open to a supervisee who is %s: %s', (_, ids, expected) => {
    const facts = { publishedBy: 'someone', participantClientIds: ['c1'] };
    expect(mayReadPublication(supervisee([...ids]), facts)).toBe(expected);
  });

  it('a supervisee never opens the note itself', () => {
    expect(mayOpenNote(supervisee(['c1']), { sessionSupervisorId: 'x', noteAuthorId: null })).toBe(
      false,
    );
  });
});

describe('a note stays with its author', () => {
  it('when the session changes hands: the new supervisor gets nothing, the author keeps it all', async () => {
    const cast = await withNote();
    // Contracts with sessions cannot be reassigned today; this is the state a later move would leave.
    await db()
      .update(supervisionSessions)
      .set({ supervisorId: cast.colleague.userId })
      .where(eq(supervisionSessions.id, cast.sessionId));

    // One at a time: a refusal started early would be an unhandled rejection on PostgreSQL.
    const attempts = [
      () => getNoteForEditing(testContext(db()), cast.colleague, cast.sessionId),
      () => getPublishedSummary(testContext(db()), cast.colleague, cast.sessionId, 1),
      () =>
        saveNote(testContext(db()), cast.colleague, cast.sessionId, {
          baseVersion: 0,
          ...note('a', 'b'),
        }),
    ];
    for (const attempt of attempts) expect(await outcomeOf(attempt())).not.toBe('allowed');
    const own = await getNoteForEditing(testContext(db()), cast.author, cast.sessionId);
    expect(own.private.power).toBe(PRIVATE);
    expect(own.shared.environment).toBe(SHARED);
    const published = await getPublishedSummary(testContext(db()), cast.author, cast.sessionId, 1);
    expect(published.environment).toBe(SHARED);
  });
});

describe('sealed note text is bound to its row and part', () => {
  const refusal = /could not be decrypted/;

  it("refuses one session's text copied into another session's note", async () => {
    const cast = await withNote();
    const otherSessionId = await insertSession(db(), {
      practiceId: cast.owner.practiceId,
      contractId: cast.contractId,
      supervisorId: cast.author.userId,
      startsAt: new Date('2026-11-24T08:00:00Z'),
      status: 'held',
    });
    await saveNote(testContext(db()), cast.author, otherSessionId, {
      baseVersion: 0,
      ...note('toinen', 'toinen'),
    });
    await db().execute(sql`
      update session_notes as target
         set private_encrypted = source.private_encrypted,
             shared_draft_encrypted = source.shared_draft_encrypted
        from session_notes as source
       where source.session_id = ${cast.sessionId} and target.session_id = ${otherSessionId}`);
    await expect(getNoteForEditing(testContext(db()), cast.author, otherSessionId)).rejects.toThrow(
      refusal,
    );
  });

  it('refuses the private and the shared part swapped', async () => {
    const cast = await withNote();
    await db()
      .update(sessionNotes)
      .set({
        privateEncrypted: sql`${sessionNotes.sharedDraftEncrypted}`,
        sharedDraftEncrypted: sql`${sessionNotes.privateEncrypted}`,
      })
      .where(eq(sessionNotes.sessionId, cast.sessionId));
    await expect(getNoteForEditing(testContext(db()), cast.author, cast.sessionId)).rejects.toThrow(
      refusal,
    );
  });

  it('refuses a shared draft copied over a published summary', async () => {
    const cast = await withNote();
    await db().execute(sql`
      update summary_publications
         set content_encrypted = (select shared_draft_encrypted from session_notes
                                   where session_id = ${cast.sessionId})
       where session_id = ${cast.sessionId}`);
    await expect(
      getPublishedSummary(testContext(db()), cast.author, cast.sessionId, 1),
    ).rejects.toThrow(refusal);
  });
});
