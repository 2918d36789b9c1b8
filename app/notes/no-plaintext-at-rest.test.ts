/**
 * What a stolen backup shows: the whole database as bytes (pg_dump on PostgreSQL, the data
 * directory with its write-ahead log on PGlite) holds names and times, but no note text.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { testContext } from '#db/testing/context';
import {
  addMember,
  createContractFixture,
  createPracticeWithOwner,
  TEST_ORIGIN,
} from '#db/testing/factories';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import { createClient } from '~/clients/clients.server';

import { emptyPrivateNote, emptySharedDraft } from './content';
import { publishSummary } from './publish-summary.server';
import { saveNote } from './save-note.server';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const secrets = {
  private: 'Yksityinen-huomio-kiristyksen-pelosta',
  general: 'Yleinen-huomio-irtisanomisaikeista',
  shared: 'Jaettu-yhteenveto-luottamuksesta',
  action: 'Sovittu-tehtava-kehityskeskustelu',
  background: 'Tausta-tieto-burnoutista',
};

it('a raw dump of the database contains no note text, only ciphertext', async () => {
  const db = database.db;
  const { owner } = await createPracticeWithOwner(db, { practiceName: 'Dumppitesti Oy' });
  const supervisor = await addMember(db, owner.practiceId, 'supervisor');
  const { contractId } = await createContractFixture(db, supervisor);
  await createClient(testContext(db), supervisor, {
    name: 'Näkyvä Nimi',
    email: null,
    phone: null,
    title: null,
    organisation: null,
    background: secrets.background,
    streetAddress: null,
    postalCode: null,
    city: null,
  });
  const sessionId = await insertSession(db, {
    practiceId: owner.practiceId,
    contractId,
    supervisorId: supervisor.userId,
    startsAt: new Date('2026-11-12T10:00:00Z'),
    status: 'held',
  });
  await saveNote(testContext(db), supervisor, sessionId, {
    baseVersion: 0,
    private: { ...emptyPrivateNote, general: secrets.general, power: secrets.private },
    shared: { ...emptySharedDraft, dialogue: secrets.shared, actions: [secrets.action] },
    themes: null,
  });
  await publishSummary(testContext(db), supervisor, sessionId, { appOrigin: TEST_ORIGIN });

  const dump = await database.rawDump();
  // The dump does carry the data: plain columns such as names are in it.
  expect(dump.includes('Näkyvä Nimi')).toBe(true);
  expect(dump.includes('Dumppitesti Oy')).toBe(true);
  for (const secret of Object.values(secrets)) {
    expect(dump.includes(secret), secret).toBe(false);
  }
});
