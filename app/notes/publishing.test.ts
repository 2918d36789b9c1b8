/**
 * A summary reaches the supervisee only for a session that was held, and its author can see
 * it first exactly as it will be shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import type { SessionStatus } from '#db/schema';
import { loadContextFor, statusOf, testContext } from '#db/testing/context';
import {
  addMember,
  createContractFixture,
  createPracticeWithOwner,
  TEST_ORIGIN,
} from '#db/testing/factories';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase } from '#db/testing/test-database';
import { AppError } from '~/errors';
import { unwrapActionResult } from '~/forms/respond.server';
import * as notesRoute from '~/routes/_app.sessions.$sessionId.notes';
import * as previewRoute from '~/routes/_app.sessions.$sessionId.summary-preview';

import { emptyPrivateNote, emptySharedDraft } from './content';
import { getNoteForEditing } from './get-note-for-editing.server';
import { publishSummary } from './publish-summary.server';
import { getPublishedSummary } from './published-summary.server';
import { saveAndPublish } from './save-and-publish.server';
import { saveNote } from './save-note.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

const PRIVATE = 'Epäilee omaa jaksamistaan';
const SHARED = 'Sovimme kokeilevamme viikkopalaveria';

async function sessionWithNote(status: SessionStatus, startsAt: Date) {
  const { owner } = await createPracticeWithOwner(db());
  const supervisor = await addMember(db(), owner.practiceId, 'supervisor');
  const { contractId } = await createContractFixture(db(), supervisor);
  const sessionId = await insertSession(db(), {
    practiceId: owner.practiceId,
    contractId,
    supervisorId: supervisor.userId,
    startsAt,
    status,
  });
  await saveNote(testContext(db()), supervisor, sessionId, {
    baseVersion: 0,
    private: { ...emptyPrivateNote, power: PRIVATE },
    shared: { ...emptySharedDraft, environment: SHARED, actions: ['Kokeile palaveria'] },
    themes: null,
  });
  return { owner, supervisor, sessionId };
}

const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? error.messageKey : error),
  );

describe('publishing a summary', () => {
  it('is refused for a future, a no-show and a cancelled session, and allowed once held', async () => {
    const future = await sessionWithNote('scheduled', new Date('2099-01-05T08:00:00Z'));
    const past = new Date('2026-11-10T08:00:00Z');
    const noShow = await sessionWithNote('no_show', past);
    const cancelled = await sessionWithNote('cancelled', past);
    for (const { supervisor, sessionId } of [future, noShow, cancelled]) {
      expect(
        await refusalOf(
          publishSummary(testContext(db()), supervisor, sessionId, { appOrigin: TEST_ORIGIN }),
        ),
      ).toBe('notes.publishNeedsHeld');
    }
    const held = await sessionWithNote('held', past);
    expect(
      await publishSummary(testContext(db()), held.supervisor, held.sessionId, {
        appOrigin: TEST_ORIGIN,
      }),
    ).toEqual({
      revision: 1,
    });
  });

  it('answers a refused publish with 409 on the form and saves nothing of it either', async () => {
    const { supervisor, sessionId } = await sessionWithNote(
      'scheduled',
      new Date('2099-01-05T08:00:00Z'),
    );
    const form = new FormData();
    form.set('intent', 'publish');
    form.set('baseVersion', '1');
    form.set('s_environment', 'Tätä ei tallenneta');
    const context = await loadContextFor(db(), supervisor.userId);
    const request = new Request(`http://localhost/sessions/${sessionId}/notes`, {
      method: 'POST',
      body: form,
    });
    const answer = unwrapActionResult(
      await notesRoute.action({ request, params: { sessionId }, context }),
    );
    expect(answer).toEqual({
      status: 409,
      data: { status: 'error', messageKey: 'notes.publishNeedsHeld' },
    });
    // Save and publish are one transaction: the refused publish left the note as it was.
    const note = await getNoteForEditing(testContext(db()), supervisor, sessionId);
    expect(note.version).toBe(1);
    expect(note.shared.environment).toBe(SHARED);
  });

  it('saves and publishes together when the publish may go ahead', async () => {
    const { supervisor, sessionId } = await sessionWithNote(
      'held',
      new Date('2026-11-10T08:00:00Z'),
    );
    const input = {
      baseVersion: 1,
      private: emptyPrivateNote,
      shared: { ...emptySharedDraft, environment: 'Julkaistava teksti' },
      themes: null,
    };
    expect(
      await saveAndPublish(testContext(db()), supervisor, sessionId, input, {
        appOrigin: TEST_ORIGIN,
      }),
    ).toMatchObject({
      version: 2,
      revision: 1,
    });
    const published = await getPublishedSummary(testContext(db()), supervisor, sessionId, 1);
    expect(published.environment).toBe('Julkaistava teksti');
  });

  it('rolls the save back when the draft it saved is empty and cannot be published', async () => {
    const { supervisor, sessionId } = await sessionWithNote(
      'held',
      new Date('2026-11-10T08:00:00Z'),
    );
    const input = {
      baseVersion: 1,
      private: emptyPrivateNote,
      shared: emptySharedDraft,
      themes: null,
    };
    expect(
      await refusalOf(
        saveAndPublish(testContext(db()), supervisor, sessionId, input, { appOrigin: TEST_ORIGIN }),
      ),
    ).toBe('notes.nothingToPublish');
    const note = await getNoteForEditing(testContext(db()), supervisor, sessionId);
    expect(note.version).toBe(1);
    expect(note.private.power).toBe(PRIVATE);
  });
});

describe('previewing a summary', () => {
  it('shows its author the shared text and actions only, even before the session is held', async () => {
    const { owner, supervisor, sessionId } = await sessionWithNote(
      'scheduled',
      new Date('2099-01-05T08:00:00Z'),
    );
    const request = new Request(`http://localhost/sessions/${sessionId}/summary-preview`);
    const args = { request, params: { sessionId } };
    const data = await previewRoute.loader({
      ...args,
      context: await loadContextFor(db(), supervisor.userId),
    });
    expect(data.summary.environment).toBe(SHARED);
    expect(data.summary.actions).toEqual(['Kokeile palaveria']);
    expect(JSON.stringify(data)).not.toContain(PRIVATE);

    const ownerContext = await loadContextFor(db(), owner.userId);
    expect(await statusOf(() => previewRoute.loader({ ...args, context: ownerContext }))).toBe(404);
  });

  it('is reached from the editor by saving first', async () => {
    const { supervisor, sessionId } = await sessionWithNote(
      'held',
      new Date('2026-11-10T08:00:00Z'),
    );
    const form = new FormData();
    form.set('intent', 'preview');
    form.set('baseVersion', '1');
    form.set('s_environment', 'Uusi yhteenveto');
    const context = await loadContextFor(db(), supervisor.userId);
    const request = new Request(`http://localhost/sessions/${sessionId}/notes`, {
      method: 'POST',
      body: form,
    });
    const response = await notesRoute
      .action({ request, params: { sessionId }, context })
      .catch((thrown: unknown) => thrown);
    expect(response instanceof Response && response.headers.get('Location')).toBe(
      `/sessions/${sessionId}/summary-preview`,
    );
    const data = await previewRoute.loader({
      request: new Request(`http://localhost/sessions/${sessionId}/summary-preview`),
      params: { sessionId },
      context,
    });
    expect(data.summary.environment).toBe('Uusi yhteenveto');
  });
});
