import { createHash } from 'node:crypto';

import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { logIn } from '~/auth/log-in.server';
import { readOwnActions } from '~/between-sessions/action-marks.server';
import { listOwnReflections } from '~/between-sessions/reflections.server';
import { sessionsForPeriod } from '~/billing/billable-sessions.server';
import { isReadyToInvoice, loadConnection } from '~/billing/connection.server';
import { invoiceReferenceNumber, rfReference } from '~/billing/finnish-payment';
import { listStatus } from '~/billing/invoice-list-status';
import { commentContext } from '~/evaluations/evaluations.server';
import { getNoteForEditing } from '~/notes/get-note-for-editing.server';
import { actionContext } from '~/notes/note-sealing.server';
import { getPublishedSummary } from '~/notes/published-summary.server';
import { listPortalPractices } from '~/portal/access.server';
import { listPortalSummaries } from '~/portal/published-summaries.server';
import { memberActor, type SuperviseeActor } from '~/practices/actor';
import { decryptText } from '~/security/sealing.server';
import { helsinkiDate } from '~/time/helsinki';

import { type Db, queryRows } from '../client';
import {
  agreedActions,
  clients,
  contracts,
  evaluations,
  invoiceRuns,
  invoices,
  practices,
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
  const invoiceRows = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      totalCents: invoices.totalCents,
      status: invoices.status,
    })
    .from(invoices)
    .orderBy(asc(invoices.number));
  hash.update(JSON.stringify([people, clientRows, sessions, invoiceRows]));
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

  it('leaves the tables with planner statistics, as autovacuum would in time', async () => {
    // reltuples is -1 until a table is first analysed (or vacuumed).
    const rows = await queryRows<{ relname: string; reltuples: number }>(
      db,
      sql`select relname, reltuples from pg_class
          where relname in ('supervision_sessions', 'contracts', 'clients') order by relname`,
    );
    expect(rows).toEqual([
      { relname: 'clients', reltuples: 30 },
      { relname: 'contracts', reltuples: 12 },
      { relname: 'supervision_sessions', reltuples: 500 },
    ]);
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

  it('records outcomes as the app would: charges, lateness, allowance, waivers', async () => {
    const wrong = await count(
      db,
      sql`select count(*) as n from supervision_sessions s join contracts c on c.id = s.contract_id
          where (s.status = 'held' and (not s.chargeable or s.charge_waived_reason is not null))
             or (s.charge_waived_reason is not null and (s.chargeable or not exists (
                  select 1 from session_changes ch where ch.session_id = s.id
                  and ch.kind = 'charge_waived')))
             or (s.status = 'no_show' and s.charge_waived_reason is null
                  and s.chargeable <> c.charge_no_show)
             or (s.status = 'cancelled' and s.charge_waived_reason is null
                  and s.chargeable <> (s.cancelled_late
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

  it('gives about 60 % of the clients a portal account, each from an accepted invitation', async () => {
    const accounts = await count(db, sql`select count(*) as n from portal_access`);
    const clientCount = generated.rows.clients ?? 0;
    expect(accounts).toBeGreaterThan(0.4 * clientCount);
    expect(accounts).toBeLessThan(0.8 * clientCount);
    const unlike = await count(
      db,
      sql`select count(*) as n from portal_access a
          join users u on u.id = a.user_id
          join clients c on c.id = a.client_id and c.practice_id = a.practice_id
          where u.email <> lower(c.email) or u.email_verified_at is null
             or exists (select 1 from memberships m where m.user_id = u.id)
             or not exists (select 1 from portal_invitations i where i.client_id = a.client_id
                  and i.email = u.email and i.accepted_at = a.created_at
                  and i.accepted_at < i.expires_at and i.invited_by = a.granted_by)
             or not exists (select 1 from contract_participants p join contracts k
                  on k.id = p.contract_id where p.client_id = a.client_id
                  and k.supervisor_id = a.granted_by)
             or a.created_at > ${nowText}::timestamptz
             or a.revoked_at > ${nowText}::timestamptz`,
    );
    expect(unlike).toBe(0);
  });

  it('lets a generated supervisee log in and read their summaries, actions and reflections', async () => {
    const ctx = testContext(db);
    const { userId } = await logIn(ctx, {
      email: generated.supervisee.email,
      password: options.password,
      ip: '127.0.0.1',
    });
    const [practice] = await listPortalPractices(db, userId);
    expect(practice?.practiceId).toBe(generated.practiceId);

    // The supervisee with the most published summaries: what the bench's portal page shows.
    const [busiest] = await queryRows<{ user_id: string; client_id: string }>(
      db,
      sql`select a.user_id, a.client_id from portal_access a
          join contract_participants p on p.client_id = a.client_id
          join supervision_sessions s on s.contract_id = p.contract_id
          join summary_publications sp on sp.session_id = s.id
          where a.revoked_at is null
          group by a.user_id, a.client_id order by count(*) desc, a.user_id limit 1`,
    );
    if (!busiest) throw new Error('no supervisee with published summaries');
    const actor: SuperviseeActor = {
      kind: 'supervisee',
      userId: busiest.user_id,
      practiceId: generated.practiceId,
      clientIds: [busiest.client_id],
    };
    const { rows: summaries } = await listPortalSummaries(ctx, actor);
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries.some((summary) => summary.themes.length > 0)).toBe(true);
    // Reading actions and reflections opens every sealed mark comment and reflection.
    await readOwnActions(db, testKeyring, actor);
    await listOwnReflections(ctx, actor);
    const marks = await count(db, sql`select count(*) as n from agreed_action_marks`);
    const reflections = await count(db, sql`select count(*) as n from session_reflections`);
    expect(marks).toBeGreaterThan(0);
    expect(reflections).toBeGreaterThan(0);
  });

  it('keeps portal activity to the supervisee’s own sessions, while they had access', async () => {
    const stray = await count(
      db,
      sql`select count(*) as n from (
            select m.client_id, s.id as session_id, m.marked_by as user_id, m.updated_at as at
              from agreed_action_marks m join agreed_actions x on x.id = m.action_id
              join supervision_sessions s on s.id = x.session_id
            union all
            select r.client_id, r.session_id, r.author_id, r.created_at from session_reflections r
            union all
            select a.client_id, l.session_id, l.actor_id, l.created_at from note_audit_log l
              join portal_access a on a.user_id = l.actor_id
          ) t
          where not exists (select 1 from portal_access a
              join contract_participants p on p.client_id = a.client_id
              join supervision_sessions s on s.contract_id = p.contract_id
              where a.client_id = t.client_id and a.user_id = t.user_id and s.id = t.session_id
                and t.at >= a.created_at and t.at < coalesce(a.revoked_at, 'infinity')
                and t.at <= ${nowText}::timestamptz)`,
    );
    expect(stray).toBe(0);
    const wrongMoment = await count(
      db,
      sql`select count(*) as n from session_reflections r join supervision_sessions s
          on s.id = r.session_id
          where s.status = 'cancelled' or (r.moment = 'after' and r.created_at < s.starts_at)`,
    );
    expect(wrongMoment).toBe(0);
    const portalEvaluations = await count(
      db,
      sql`select count(*) as n from evaluations e join portal_access a
          on a.user_id = e.recorded_by and a.client_id = e.respondent_client_id
          where e.recorded_in_portal`,
    );
    const allPortalEvaluations = await count(
      db,
      sql`select count(*) as n from evaluations where recorded_in_portal`,
    );
    expect(portalEvaluations).toBe(allPortalEvaluations);
  });

  it('invoices on a connected Stripe account, numbered in one unbroken sequence', async () => {
    const connection = await loadConnection(db, generated.practiceId);
    expect(isReadyToInvoice(connection)).toBe(true);
    const rows = await db.select().from(invoices).orderBy(asc(invoices.number));
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.map((row) => row.number)).toEqual(rows.map((_, i) => i + 1));
    for (const row of rows) {
      expect(row.referenceNumber).toBe(invoiceReferenceNumber(row.number));
      expect(row.rfReference).toBe(rfReference(row.referenceNumber));
      expect(row.stripeAccountId).toBe(connection?.accountId);
    }
    // Numbers were taken in the order the documents were written.
    const times = rows.map((row) => row.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const [practice] = await db
      .select({ next: practices.nextInvoiceNumber })
      .from(practices)
      .where(eq(practices.id, generated.practiceId));
    expect(practice?.next).toBe(rows.length + 1);
    const today = helsinkiDate(now);
    const statuses = new Set(rows.map((row) => listStatus(row, today)));
    for (const status of ['paid', 'open', 'overdue', 'credited', 'creditNote', 'void']) {
      expect(statuses).toContain(status);
    }
    expect(rows.every((row) => row.createdAt.getTime() < now.getTime())).toBe(true);
  });

  it('bills each held or charged session at most once, with the totals of its lines', async () => {
    const wrong = await count(
      db,
      sql`select count(*) as n from invoice_lines l
          join invoices i on i.id = l.invoice_id
          left join supervision_sessions s on s.id = l.session_id
          left join contracts c on c.id = s.contract_id
          where (i.kind = 'invoice') <> (l.session_id is not null)
             or (i.kind = 'invoice' and (
                  not (s.status = 'held' or (s.status in ('no_show', 'cancelled')
                       and (s.chargeable or s.charge_waived_reason is not null)))
                  or (l.released_at is null and (s.invoiced_at is distinct from i.created_at
                       or not s.chargeable))
                  or l.contract_id <> s.contract_id
                  or l.service_date <> (s.starts_at at time zone 'Europe/Helsinki')::date
                  or l.service_date not between i.period_start and i.period_end
                  or l.amount_cents <> c.price_cents
                  or (c.payer = 'commissioner' and i.commissioner_id is distinct from c.commissioner_id)
                  or (c.payer = 'supervisee' and i.client_id is distinct from (select min(p.client_id::text)::uuid
                       from contract_participants p where p.contract_id = c.id))))
             or (i.kind = 'credit_note' and (l.credits_line_id is null or not exists (
                  select 1 from invoice_lines o where o.id = l.credits_line_id
                  and o.invoice_id = i.credits_invoice_id and o.amount_cents = -l.amount_cents
                  and o.released_at is not null)))`,
    );
    expect(wrong).toBe(0);
    const twice = await count(
      db,
      sql`select count(*) as n from (select session_id from invoice_lines
          where session_id is not null and released_at is null
          group by session_id having count(*) > 1) t`,
    );
    expect(twice).toBe(0);
    const invoicedWithoutLine = await count(
      db,
      sql`select count(*) as n from supervision_sessions s where s.invoiced_at is not null
          and not exists (select 1 from invoice_lines l where l.session_id = s.id
          and l.released_at is null)`,
    );
    expect(invoicedWithoutLine).toBe(0);
    const badTotals = await count(
      db,
      sql`select count(*) as n from invoices i where i.subtotal_cents <> (select sum(amount_cents)
          from invoice_lines l where l.invoice_id = i.id) or i.vat_cents <> (select sum(vat_cents)
          from invoice_lines l where l.invoice_id = i.id)
          or i.total_cents <> i.subtotal_cents + i.vat_cents
          or (i.kind = 'invoice' and (i.status = 'paid') <> (i.paid_at is not null))
          or (i.status = 'void') <> (i.voided_at is not null)
          or (i.credited_at is not null) <> (i.kind = 'invoice' and not exists (
               select 1 from invoice_lines l where l.invoice_id = i.id and l.released_at is null)
               and i.status = 'paid')`,
    );
    expect(badTotals).toBe(0);
    // A void invoice's sessions are all released; a voided or fully credited invoice's
    // held sessions went on a later invoice of the same period.
    const notBilledAgain = await count(
      db,
      sql`select count(*) as n from invoice_lines l join invoices i on i.id = l.invoice_id
          join supervision_sessions s on s.id = l.session_id
          where l.released_at is not null and s.charge_waived_reason is null
            and not exists (select 1 from invoice_lines again where again.session_id = s.id
              and again.created_at > l.released_at)
            and l.released_at < ${nowText}::timestamptz - interval '4 days'`,
    );
    expect(notBilledAgain).toBe(0);
  });

  it('leaves nothing for the app’s own invoice run in a month that was invoiced', async () => {
    const runs = await db
      .selectDistinct({ start: invoiceRuns.periodStart, end: invoiceRuns.periodEnd })
      .from(invoiceRuns);
    expect(runs.length).toBeGreaterThan(12);
    for (const period of runs) {
      const { billable, leftOut } = await sessionsForPeriod(db, generated.practiceId, period, now);
      expect(billable).toEqual([]);
      for (const session of leftOut) {
        expect(['alreadyInvoiced', 'waived', 'notCharged']).toContain(session.reason);
      }
    }
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
