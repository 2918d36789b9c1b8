import { createHash } from 'node:crypto';

import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { logIn } from '~/auth/log-in.server';
import { commentContext } from '~/evaluations/evaluations.server';
import { getNoteForEditing } from '~/notes/get-note-for-editing.server';
import { actionContext } from '~/notes/note-sealing.server';
import { getPublishedSummary } from '~/notes/published-summary.server';
import { memberActor } from '~/practices/actor';
import { decryptText } from '~/security/sealing.server';

import { type Db, queryRows } from '../client';
import {
  agreedActions,
  clients,
  contracts,
  evaluations,
  sessionNotes,
  summaryPublications,
  supervisionSessions,
  users,
} from '../schema';
import { testContext } from '../testing/context';
import { testKeyring } from '../testing/keyring';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { type GeneratedPractice, generatePractice, PracticeExistsError } from './practice';

const now = new Date('2026-12-01T00:00:00Z');
// Raw SQL gets the time as text: postgres.js binds no Date in an untyped parameter.
const nowText = now.toISOString();
const options = { seed: 42, scale: 0.01, now, password: 'harjoitus-testi-2026' };

/** A digest of names, addresses, session times and outcomes: what must not vary by run. */
async function digest(db: Db): Promise<string> {
  const hash = createHash('sha256');
  const people = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .orderBy(asc(users.email));
  const clientRows = await db
    .select({ id: clients.id, name: clients.name })
    .from(clients)
    .orderBy(asc(clients.id));
  const sessions = await db
    .select({
      id: supervisionSessions.id,
      startsAt: supervisionSessions.startsAt,
      status: supervisionSessions.status,
      cancelledAt: supervisionSessions.cancelledAt,
    })
    .from(supervisionSessions)
    .orderBy(asc(supervisionSessions.id));
  hash.update(JSON.stringify([people, clientRows, sessions]));
  return hash.digest('hex');
}

async function count(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(db, query);
  return Number(row?.n ?? Number.NaN);
}

describe('generatePractice', () => {
  let database: TestDatabase;
  let db: Db;
  let generated: GeneratedPractice;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    generated = await generatePractice(db, testKeyring, options);
  });
  afterAll(() => database.close());

  it('writes the size asked for, with every form, payer and state of contract', async () => {
    expect(generated.rows).toMatchObject({
      users: 2,
      practices: 1,
      memberships: 2,
      clients: 30,
      commissioners: 3,
      contracts: 12,
      supervision_sessions: 500,
    });
    const [{ n: sessions } = { n: 0 }] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(supervisionSessions);
    expect(sessions).toBe(500);
    const kinds = await db
      .selectDistinct({ form: contracts.form, status: contracts.status, payer: contracts.payer })
      .from(contracts);
    expect(kinds).toHaveLength(12);
    const statuses = await db
      .selectDistinct({ status: supervisionSessions.status, by: supervisionSessions.cancelledBy })
      .from(supervisionSessions);
    expect(statuses).toEqual(
      expect.arrayContaining([
        { status: 'held', by: null },
        { status: 'scheduled', by: null },
        { status: 'no_show', by: null },
        { status: 'cancelled', by: 'supervisee' },
        { status: 'cancelled', by: 'supervisor' },
      ]),
    );
    expect(generated.noteParts).toBeGreaterThan(3 * (generated.rows.session_notes ?? 0));
  });

  it('never overlaps two sessions of one supervisor', async () => {
    const overlaps = await count(
      db,
      sql`select count(*) as n from supervision_sessions a join supervision_sessions b
          on a.supervisor_id = b.supervisor_id and a.id < b.id
          and a.starts_at < b.ends_at and b.starts_at < a.ends_at`,
    );
    expect(overlaps).toBe(0);
  });

  it('keeps sessions inside their contract period, and drafts without sessions', async () => {
    const outside = await count(
      db,
      sql`select count(*) as n from supervision_sessions s join contracts c on c.id = s.contract_id
          where c.status = 'draft'
             or (s.starts_at at time zone 'Europe/Helsinki')::date < c.starts_on
             or (s.starts_at at time zone 'Europe/Helsinki')::date > c.planned_end_on
             or s.ends_at > coalesce(c.ended_at, 'infinity')
             or s.created_at < c.activated_at or s.created_at > ${nowText}::timestamptz`,
    );
    expect(outside).toBe(0);
    const futureOutcomes = await count(
      db,
      sql`select count(*) as n from supervision_sessions
          where status in ('held', 'no_show') and starts_at > ${nowText}::timestamptz`,
    );
    expect(futureOutcomes).toBe(0);
  });

  it('records outcomes as the app would: charges, lateness, allowance, nothing invoiced', async () => {
    const wrong = await count(
      db,
      sql`select count(*) as n from supervision_sessions s join contracts c on c.id = s.contract_id
          where s.invoiced_at is not null
             or (s.status = 'held' and not s.chargeable)
             or (s.status = 'no_show' and s.chargeable <> c.charge_no_show)
             or (s.status = 'cancelled' and s.chargeable <> (s.cancelled_late
                  and s.cancelled_by = 'supervisee' and c.charge_late_cancellation))
             or (s.status = 'cancelled' and s.cancelled_late <> (s.cancelled_at >
                  s.starts_at - make_interval(hours => c.cancellation_notice_hours)))
             or (s.status = 'cancelled' and (s.cancelled_at > ${nowText}::timestamptz or s.ical_sequence <> 1))`,
    );
    expect(wrong).toBe(0);
    const pastAllowanceUnmarked = await count(
      db,
      sql`select count(*) as n from contracts c where c.sessions_agreed < (
            select count(*) from supervision_sessions s where s.contract_id = c.id and not s.extra
            and (s.status <> 'cancelled' or s.chargeable))`,
    );
    expect(pastAllowanceUnmarked).toBe(0);
    const notesOnOthers = await count(
      db,
      sql`select count(*) as n from session_notes n join supervision_sessions s
          on s.id = n.session_id where s.status <> 'held' or n.author_id <> s.supervisor_id`,
    );
    expect(notesOnOthers).toBe(0);
  });

  it('seals every text so that the app opens it', async () => {
    const ctx = testContext(db);
    const notes = await db
      .select({ sessionId: sessionNotes.sessionId, authorId: sessionNotes.authorId })
      .from(sessionNotes)
      .limit(20);
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      const actor = memberActor(note.authorId, generated.practiceId, 'supervisor');
      const opened = await getNoteForEditing(ctx, actor, note.sessionId);
      expect(opened.version).toBe(1);
      expect(opened.private.general).not.toBe('');
    }
    const [publication] = await db
      .select({ sessionId: summaryPublications.sessionId, by: summaryPublications.publishedBy })
      .from(summaryPublications)
      .limit(1);
    if (!publication) throw new Error('no publication generated');
    const summary = await getPublishedSummary(
      ctx,
      memberActor(publication.by, generated.practiceId, 'supervisor'),
      publication.sessionId,
      1,
    );
    expect(Object.values(summary).some((v) => typeof v === 'string' && v !== '')).toBe(true);
    for (const action of await db.select().from(agreedActions)) {
      expect(decryptText(testKeyring, action.textEncrypted, actionContext(action.id))).not.toBe('');
    }
    for (const evaluation of await db.select().from(evaluations)) {
      if (evaluation.commentEncrypted === null) continue;
      const comment = evaluation.commentEncrypted;
      expect(decryptText(testKeyring, comment, commentContext(evaluation.id))).not.toBe('');
    }
  });

  it('lets the owner and a supervisor log in with the password', async () => {
    const ctx = testContext(db);
    for (const account of [generated.owner, generated.supervisor]) {
      const { userId } = await logIn(ctx, {
        email: account.email,
        password: options.password,
        ip: '127.0.0.1',
      });
      const [user] = await db.select().from(users).where(eq(users.id, userId));
      expect(user?.email).toBe(account.email);
    }
    await expect(
      logIn(ctx, { email: generated.owner.email, password: 'wrong-password', ip: '127.0.0.1' }),
    ).rejects.toThrow();
  });

  it('refuses to write the practice twice, and replaces it with reset', async () => {
    const before = await digest(db);
    await expect(generatePractice(db, testKeyring, options)).rejects.toThrow(PracticeExistsError);
    const again = await generatePractice(db, testKeyring, { ...options, reset: true });
    expect(again.rows).toEqual(generated.rows);
    expect(await digest(db)).toBe(before);
  });

  it('gives the same data for the same seed, and other data for another', async () => {
    const other = await createTestDatabase();
    try {
      const first = await digest(db);
      await generatePractice(other.db, testKeyring, options);
      expect(await digest(other.db)).toBe(first);
      await generatePractice(other.db, testKeyring, { ...options, seed: 43, reset: true });
      expect(await digest(other.db)).not.toBe(first);
    } finally {
      await other.close();
    }
  });
});
