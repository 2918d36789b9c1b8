import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { clients, outbox } from '#db/schema';
import { testContext } from '#db/testing/context';
import { createPracticeWithOwner, TEST_ORIGIN, uniqueEmail } from '#db/testing/factories';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase } from '#db/testing/test-database';
import { emptyPrivateNote, emptySharedDraft } from '~/notes/content';
import { publishSummary } from '~/notes/publish-summary.server';
import { saveAndPublish } from '~/notes/save-and-publish.server';
import { saveNote } from '~/notes/save-note.server';
import { groupContract } from '~/sessions/test-fixtures';
import { helsinkiInstant } from '~/time/helsinki';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

// Markers in every kind of note text: none of them may reach a mail.
const SHARED_MARKER = 'MARKER-SHARED-7f3a';
const ACTION_MARKER = 'MARKER-ACTION-7f3a';
const PRIVATE_MARKER = 'MARKER-PRIVATE-7f3a';

/** A held group session whose participant Maria has an address and Olli has none. */
async function heldGroupSession() {
  const { owner } = await createPracticeWithOwner(db());
  const { contractId, maria } = await groupContract(db(), owner);
  const email = uniqueEmail('supervisee');
  await db().update(clients).set({ email }).where(eq(clients.id, maria));
  const sessionId = await insertSession(db(), {
    practiceId: owner.practiceId,
    contractId,
    supervisorId: owner.userId,
    startsAt: helsinkiInstant('2026-11-10', '09:00'),
    status: 'held',
  });
  return { supervisor: owner, sessionId, email };
}

const draft = (text: string) => ({
  private: { ...emptyPrivateNote, power: PRIVATE_MARKER },
  shared: { ...emptySharedDraft, environment: text, actions: [ACTION_MARKER] },
  themes: null,
});

describe('"a summary was published" mail', () => {
  it('tells the participants with an address the date and the portal, never the text', async () => {
    const { supervisor, sessionId, email } = await heldGroupSession();
    await saveAndPublish(
      testContext(db()),
      supervisor,
      sessionId,
      { baseVersion: 0, ...draft(SHARED_MARKER) },
      { appOrigin: TEST_ORIGIN },
    );

    const mails = await db()
      .select()
      .from(outbox)
      .where(eq(outbox.practiceId, supervisor.practiceId));
    expect(mails.map((m) => m.toAddress)).toEqual([email]);
    const [mail] = mails;
    expect(mail?.subject).toContain('10.11.2026');
    expect(mail?.textBody).toContain(`${TEST_ORIGIN}/portal`);
    expect(mail?.calendarBody).toBeNull();
    const stored = JSON.stringify(mail);
    for (const marker of [SHARED_MARKER, ACTION_MARKER, PRIVATE_MARKER]) {
      expect(stored).not.toContain(marker);
    }
  });

  it('is sent for the first publication only, not for revisions', async () => {
    const { supervisor, sessionId, email } = await heldGroupSession();
    await saveNote(testContext(db()), supervisor, sessionId, {
      baseVersion: 0,
      ...draft('Ensimmäinen versio'),
    });
    await publishSummary(testContext(db()), supervisor, sessionId, { appOrigin: TEST_ORIGIN });
    await saveNote(testContext(db()), supervisor, sessionId, {
      baseVersion: 1,
      ...draft('Korjattu versio'),
    });
    expect(
      await publishSummary(testContext(db()), supervisor, sessionId, { appOrigin: TEST_ORIGIN }),
    ).toEqual({ revision: 2 });
    expect(await db().select().from(outbox).where(eq(outbox.toAddress, email))).toHaveLength(1);
  });

  it('queues nothing when the publication is refused', async () => {
    const { supervisor, sessionId, email } = await heldGroupSession();
    const empty = { ...draft(''), shared: emptySharedDraft };
    await expect(
      saveAndPublish(
        testContext(db()),
        supervisor,
        sessionId,
        { baseVersion: 0, ...empty },
        { appOrigin: TEST_ORIGIN },
      ),
    ).rejects.toMatchObject({ messageKey: 'notes.nothingToPublish' });
    expect(await db().select().from(outbox).where(eq(outbox.toAddress, email))).toHaveLength(0);
  });
});
