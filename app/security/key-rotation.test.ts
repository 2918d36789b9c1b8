/**
 * Key rotation end to end: text sealed by the app under key 1 still reads after rotating to
 * key 2 and removing key 1; a run that dies half-way is finished by the next one; a key
 * that still seals anything cannot be retired.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { type Db, openDatabase } from '#db/client';
import { agreedActions, clients, outbox, sessionNotes, summaryPublications } from '#db/schema';
import {
  addMember,
  createContractFixture,
  createPracticeWithOwner,
  TEST_ORIGIN,
} from '#db/testing/factories';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import { createClient, getClient } from '~/clients/clients.server';
import { enqueueEmail } from '~/email/outbox.server';
import { unsealBody } from '~/email/sealed-link.server';
import { listEvaluations, recordEvaluation } from '~/evaluations/evaluations.server';
import { emptyPrivateNote, emptySharedDraft } from '~/notes/content';
import { getNoteForEditing } from '~/notes/get-note-for-editing.server';
import { publishSummary } from '~/notes/publish-summary.server';
import { getPublishedSummary } from '~/notes/published-summary.server';
import { saveNote } from '~/notes/save-note.server';
import type { MemberActor } from '~/practices/actor';

import { assertKeyRetirable, countSealedUnder, rotateSealedText } from './key-rotation.server';
import { decryptText, type NoteKeyring, parseKeyring } from './sealing.server';

const key1 = `k1:${randomBytes(32).toString('base64')}`;
const key2 = `k2:${randomBytes(32).toString('base64')}`;
const onlyKey1 = parseKeyring(key1);
const rotating = parseKeyring(`${key2},${key1}`);
const onlyKey2 = parseKeyring(key2);

interface Sealed {
  actor: MemberActor;
  sessionId: string;
  clientId: string;
  contractId: string;
  mailTo: string;
  tag: string;
}

/** Writes every kind of sealed text through the app's own use cases. */
async function sealEverything(db: Db, keyring: NoteKeyring, tag: string): Promise<Sealed> {
  const { owner, email } = await createPracticeWithOwner(db);
  // Sign-up mail is sealed under the tests' own key, which this scenario does not hold.
  await db.delete(outbox).where(eq(outbox.toAddress, email));
  const actor = await addMember(db, owner.practiceId, 'supervisor');
  const mailTo = `${tag.toLowerCase()}.${randomBytes(4).toString('hex')}@example.test`;
  const link = `https://ohjaamo.test/reset-password/linkki-${tag}`;
  await enqueueEmail(db, {
    to: mailTo,
    subject: 'Linkki',
    text: `Avaa ${link}`,
    secretLink: { url: link, keyring },
  });
  const { contractId } = await createContractFixture(db, actor);
  const clientId = await createClient({ db, keyring, now: new Date() }, actor, {
    name: 'Aino Asiakas',
    email: null,
    phone: null,
    title: null,
    organisation: null,
    background: `tausta ${tag}`,
    streetAddress: null,
    postalCode: null,
    city: null,
  });
  const sessionId = await insertSession(db, {
    practiceId: actor.practiceId,
    contractId,
    supervisorId: actor.userId,
    startsAt: new Date('2026-11-12T10:00:00Z'),
    status: 'held',
  });
  await saveNote({ db, keyring, now: new Date() }, actor, sessionId, {
    baseVersion: 0,
    private: { ...emptyPrivateNote, power: `yksityinen ${tag}` },
    shared: { ...emptySharedDraft, dialogue: `jaettu ${tag}`, actions: [`tehtävä ${tag}`] },
    themes: null,
  });
  await publishSummary({ db, keyring, now: new Date() }, actor, sessionId, {
    appOrigin: TEST_ORIGIN,
  });
  await recordEvaluation({ db, keyring, now: new Date() }, actor, contractId, {
    kind: 'start',
    respondentClientId: null,
    scores: {},
    comment: `arvio ${tag}`,
  });
  return { actor, sessionId, clientId, contractId, mailTo, tag };
}

/** Reads every sealed text back through the app's own use cases (actions by their rows). */
async function readEverything(db: Db, keyring: NoteKeyring, sealed: Sealed) {
  const { actor, sessionId } = sealed;
  const note = await getNoteForEditing({ db, keyring, now: new Date() }, actor, sessionId);
  const summary = await getPublishedSummary({ db, keyring, now: new Date() }, actor, sessionId, 1);
  const client = await getClient({ db, keyring, now: new Date() }, actor, sealed.clientId);
  const { evaluations: list } = await listEvaluations(
    { db, keyring, now: new Date() },
    actor,
    sealed.contractId,
  );
  const actions = await db
    .select()
    .from(agreedActions)
    .where(eq(agreedActions.sessionId, sessionId));
  const [mail] = await db.select().from(outbox).where(eq(outbox.toAddress, sealed.mailTo));
  return {
    private: note.private.power,
    shared: note.shared.dialogue,
    published: summary.dialogue,
    background: client.background,
    comment: list[0]?.comment,
    actions: actions.map((a) => decryptText(keyring, a.textEncrypted, `agreed-action:${a.id}`)),
    mail: mail ? unsealBody(keyring, mail) : null,
  };
}

function expectedTexts(tag: string) {
  return {
    private: `yksityinen ${tag}`,
    shared: `jaettu ${tag}`,
    published: `jaettu ${tag}`,
    background: `tausta ${tag}`,
    comment: `arvio ${tag}`,
    actions: [`tehtävä ${tag}`],
    mail: `Avaa https://ohjaamo.test/reset-password/linkki-${tag}`,
  };
}

const total = (counts: { count: number }[]) => counts.reduce((n, c) => n + c.count, 0);

describe('rotateSealedText', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('re-seals every sealed column under key 2, so everything reads with key 1 removed', async () => {
    const db = database.db;
    const sealed = await sealEverything(db, onlyKey1, 'A');
    // Seven columns, one value each.
    expect(total(await countSealedUnder(db, 'k1'))).toBe(7);
    await expect(assertKeyRetirable(db, rotating, 'k1')).rejects.toThrow(/still seals/);

    const report = await rotateSealedText(db, rotating);
    expect(report.failures).toEqual([]);

    expect(total(await countSealedUnder(db, 'k1'))).toBe(0);
    await expect(assertKeyRetirable(db, rotating, 'k1')).resolves.toBeUndefined();
    expect(await readEverything(db, onlyKey2, sealed)).toEqual(expectedTexts('A'));
    await expect(readEverything(db, onlyKey1, sealed)).rejects.toThrow(/Unknown note key id "k2"/);
  });

  it('a second run re-seals nothing and changes no envelope', async () => {
    const db = database.db;
    await sealEverything(db, onlyKey1, 'B');
    await rotateSealedText(db, rotating);
    const before = await db.select().from(summaryPublications);
    const again = await rotateSealedText(db, rotating);
    expect(again.resealed).toBe(0);
    expect(await db.select().from(summaryPublications)).toEqual(before);
  });

  it('does not touch when a note was last edited', async () => {
    const db = database.db;
    const sealed = await sealEverything(db, onlyKey1, 'C');
    const [before] = await db
      .select({ updatedAt: sessionNotes.updatedAt, version: sessionNotes.version })
      .from(sessionNotes)
      .where(eq(sessionNotes.sessionId, sealed.sessionId));
    await rotateSealedText(db, rotating);
    const [after] = await db
      .select({ updatedAt: sessionNotes.updatedAt, version: sessionNotes.version })
      .from(sessionNotes)
      .where(eq(sessionNotes.sessionId, sealed.sessionId));
    expect(after).toEqual(before);
  });

  it('a run that crashes after its first batch keeps that batch, and the next run finishes', async () => {
    const db = database.db;
    const many = [];
    for (let i = 0; i < 5; i += 1) many.push(await sealEverything(db, onlyKey1, `D${i}`));
    const crash = new Error('power cut');
    await expect(
      rotateSealedText(db, rotating, {
        batchSize: 2,
        afterBatch: () => {
          throw crash;
        },
      }),
    ).rejects.toBe(crash);
    // The first batch (two values) committed; the rest still waits under key 1.
    const left = total(await countSealedUnder(db, 'k1'));
    expect(left).toBe(5 * 7 - 2);
    await expect(assertKeyRetirable(db, rotating, 'k1')).rejects.toThrow(/still seals/);

    const resumed = await rotateSealedText(db, rotating, { batchSize: 2 });
    expect(resumed.resealed).toBe(left);
    expect(total(await countSealedUnder(db, 'k1'))).toBe(0);
    for (const sealed of many) {
      expect(await readEverything(db, onlyKey2, sealed)).toEqual(expectedTexts(sealed.tag));
    }
  });

  it('reports a value it cannot open by row, goes on with the rest, and keeps its key in use', async () => {
    const db = database.db;
    const sealed = await sealEverything(db, onlyKey1, 'E');
    const other = await sealEverything(db, onlyKey1, 'F');
    // A background copied from another client's row no longer opens (its context differs).
    const [source] = await db
      .select({ sealed: clients.backgroundEncrypted })
      .from(clients)
      .where(eq(clients.id, other.clientId));
    await db
      .update(clients)
      .set({ backgroundEncrypted: source?.sealed ?? null })
      .where(eq(clients.id, sealed.clientId));

    const report = await rotateSealedText(db, rotating);
    expect(report.failures).toEqual([
      expect.objectContaining({ column: 'clients.background_encrypted', key: sealed.clientId }),
    ]);
    expect(JSON.stringify(report)).not.toContain('tausta');
    expect(await readEverything(db, onlyKey2, other)).toEqual(expectedTexts('F'));
    await expect(assertKeyRetirable(db, rotating, 'k1')).rejects.toThrow(
      'clients.background_encrypted: 1',
    );
  });

  it('never retires the active key', async () => {
    await expect(assertKeyRetirable(database.db, rotating, 'k2')).rejects.toThrow(/active key/);
  });
});

describe('npm run key:rotate', () => {
  const exec = promisify(execFile);
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ohjaamo-rotate-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // The command as an operator runs it, against an embedded database on disk.
  const run = (args: string[], key: string) =>
    exec('node', ['--import', 'tsx', 'scripts/rotate-notes-key.ts', ...args], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PGLITE_DIR: dir,
        NOTES_ENCRYPTION_KEY: key,
      },
    });

  it('rotates to key 2, then allows retiring key 1, and every text reads with key 2 alone', async () => {
    // A copy of the run's migrated database when there is one (as a built server's first start
    // has), rather than initdb and every migration again: this test is about the rotation.
    const setup = inject('testDatabase');
    const database = await openDatabase({
      dataDir: dir,
      pgliteTemplate: setup.kind === 'pglite' ? setup.dumpFile : undefined,
    });
    await database.migrate();
    const sealed = await sealEverything(database.db, onlyKey1, 'G');
    await database.close();

    await expect(run(['--retire', 'k1'], `${key2},${key1}`)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('still seals'),
    });
    const rotated = await run([], `${key2},${key1}`);
    expect(rotated.stdout).toContain('Key "k1" is no longer used.');
    expect(rotated.stdout + rotated.stderr).not.toMatch(/yksityinen|tausta|arvio/);
    const retired = await run(['--retire', 'k1'], `${key2},${key1}`);
    expect(retired.stdout).toContain('can be removed');

    const reopened = await openDatabase({ dataDir: dir });
    try {
      expect(await readEverything(reopened.db, onlyKey2, sealed)).toEqual(expectedTexts('G'));
    } finally {
      await reopened.close();
    }
  }, 120_000); // three cold starts of a child process on a shared machine
});
