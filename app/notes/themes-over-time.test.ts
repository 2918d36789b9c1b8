import { afterAll, beforeAll, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { testContext } from '#db/testing/context';
import { addMember, createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase } from '#db/testing/test-database';
import { type AppError } from '~/errors';

import { emptyPrivateNote, emptySharedDraft } from './content';
import { saveNote } from './save-note.server';
import { themesOverTime } from './themes-over-time.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

it('lists the themes per session in order, to the contract supervisor only', async () => {
  const { owner } = await createPracticeWithOwner(db());
  const supervisor = await addMember(db(), owner.practiceId, 'supervisor');
  const { contractId } = await createContractFixture(db(), supervisor);
  const base = { practiceId: owner.practiceId, contractId, supervisorId: supervisor.userId };
  const second = await insertSession(db(), {
    ...base,
    startsAt: new Date('2026-10-20T07:00:00Z'),
    status: 'held',
  });
  const first = await insertSession(db(), {
    ...base,
    startsAt: new Date('2026-10-01T07:00:00Z'),
    status: 'held',
  });
  await insertSession(db(), {
    ...base,
    startsAt: new Date('2026-10-10T07:00:00Z'),
    status: 'cancelled',
  });
  const upcoming = await insertSession(db(), {
    ...base,
    startsAt: new Date('2026-12-01T08:00:00Z'),
  });
  await saveNote(testContext(db()), supervisor, first, {
    baseVersion: 0,
    private: { ...emptyPrivateNote, role: 'x' },
    shared: emptySharedDraft,
    themes: null,
  });
  await saveNote(testContext(db()), supervisor, second, {
    baseVersion: 0,
    private: emptyPrivateNote,
    shared: { ...emptySharedDraft, power: 'y', dialogue: 'z' },
    themes: null,
  });

  const points = await themesOverTime(testContext(db()), supervisor, contractId);
  expect(points.map((p) => [p.sessionId, p.themes])).toEqual([
    [first, ['role']],
    [second, ['power', 'dialogue']],
    [upcoming, []],
  ]);

  const error = await themesOverTime(testContext(db()), owner, contractId).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect((error as AppError).code).toBe('not_found');
});
