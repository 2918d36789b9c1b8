/**
 * Private notes reach their author alone on every route that could show them: the owner,
 * another supervisor and anonymous visitors get 404 or a log-in redirect, never text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { users } from '#db/schema';
import { loadContextFor, statusOf, testContext } from '#db/testing/context';
import {
  addMember,
  createContractFixture,
  createPracticeWithOwner,
  uniqueEmail,
} from '#db/testing/factories';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase } from '#db/testing/test-database';
import { unwrapActionResult } from '~/forms/respond.server';
import * as notesRoute from '~/routes/_app.sessions.$sessionId.notes';

import { emptyPrivateNote, emptySharedDraft } from './content';
import { saveNote } from './save-note.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

const SECRET = 'Hänen esihenkilönsä uhkaili häntä';

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
  await saveNote(testContext(db()), supervisor, sessionId, {
    baseVersion: 0,
    private: { ...emptyPrivateNote, power: SECRET },
    shared: emptySharedDraft,
    themes: null,
  });
  return { owner, supervisor, colleague, sessionId };
}

function routeArgs(sessionId: string, method: 'GET' | 'POST', body?: FormData) {
  const request = new Request(`http://localhost/sessions/${sessionId}/notes`, {
    method,
    ...(body ? { body } : {}),
  });
  return { request, params: { sessionId } };
}

function editForm(baseVersion: number) {
  const form = new FormData();
  form.set('intent', 'save');
  form.set('baseVersion', String(baseVersion));
  form.set('p_power', 'ylikirjoitettu');
  return form;
}

describe('the notes page', () => {
  it('shows the note to its author', async () => {
    const { supervisor, sessionId } = await setting();
    const context = await loadContextFor(db(), supervisor.userId);
    const data = await notesRoute.loader({ ...routeArgs(sessionId, 'GET'), context });
    expect(data.values.private.power).toBe(SECRET);
  });

  it('answers 404 to the owner and to another supervisor, for reading and for writing', async () => {
    const { owner, colleague, supervisor, sessionId } = await setting();
    for (const intruder of [owner, colleague]) {
      const context = await loadContextFor(db(), intruder.userId);
      expect(
        await statusOf(() => notesRoute.loader({ ...routeArgs(sessionId, 'GET'), context })),
      ).toBe(404);
      expect(
        await statusOf(() =>
          notesRoute.action({ ...routeArgs(sessionId, 'POST', editForm(1)), context }),
        ),
      ).toBe(404);
    }
    const context = await loadContextFor(db(), supervisor.userId);
    const data = await notesRoute.loader({ ...routeArgs(sessionId, 'GET'), context });
    expect(data.values.private.power).toBe(SECRET);
  });

  it('answers 403 to a signed-in user outside the practice, as a supervisee account would be', async () => {
    const { sessionId } = await setting();
    const [outsider] = await db()
      .insert(users)
      .values({ email: uniqueEmail('tyonohjattava'), name: 'Työnohjattava', passwordHash: 'x' })
      .returning({ id: users.id });
    const context = await loadContextFor(db(), outsider?.id ?? null);
    expect(
      await statusOf(() => notesRoute.loader({ ...routeArgs(sessionId, 'GET'), context })),
    ).toBe(403);
    expect(
      await statusOf(() =>
        notesRoute.action({ ...routeArgs(sessionId, 'POST', editForm(1)), context }),
      ),
    ).toBe(403);
  });

  it('answers a save over a newer version with 409, both versions and nothing overwritten', async () => {
    const { supervisor, sessionId } = await setting();
    // Another window saved version 2 meanwhile.
    await saveNote(testContext(db()), supervisor, sessionId, {
      baseVersion: 1,
      private: { ...emptyPrivateNote, power: 'Toisesta ikkunasta' },
      shared: emptySharedDraft,
      themes: null,
    });
    const context = await loadContextFor(db(), supervisor.userId);
    const answer = unwrapActionResult(
      await notesRoute.action({ ...routeArgs(sessionId, 'POST', editForm(1)), context }),
    );
    expect(answer.status).toBe(409);
    if (answer.data.status !== 'conflict') throw new Error('expected the conflict view');
    expect(answer.data.currentVersion).toBe(2);
    expect(answer.data.mine.private.power).toBe('ylikirjoitettu');
    expect(answer.data.theirs.private.power).toBe('Toisesta ikkunasta');
    const data = await notesRoute.loader({ ...routeArgs(sessionId, 'GET'), context });
    expect(data.values.private.power).toBe('Toisesta ikkunasta');
  });

  it('sends an anonymous visitor to log in', async () => {
    const { sessionId } = await setting();
    const context = await loadContextFor(db(), null);
    expect(
      await statusOf(() => notesRoute.loader({ ...routeArgs(sessionId, 'GET'), context })),
    ).toBe(302);
  });
});
