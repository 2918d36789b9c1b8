/**
 * The owner's invoice list and invoice page: filters, the derived overdue status by the
 * Helsinki calendar, the sums, and who may read what.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { invoices } from '#db/schema';
import { outcomeOf } from '#db/testing/access-cast';
import { insertPendingInvoice } from '#db/testing/billing';
import { testContext } from '#db/testing/context';
import { addMember, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import type { MemberActor } from '~/practices/actor';

import { getInvoice, listInvoices } from './invoices.server';

let database: TestDatabase;
let owner: MemberActor;
let supervisor: MemberActor;
let outsider: MemberActor;
const ids: Record<string, string> = {};

/** 00.30 on 15.4.2027 in Helsinki, still 14.4. in UTC. */
const JUST_AFTER_MIDNIGHT = new Date('2027-04-14T21:30:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  ({ owner } = await createPracticeWithOwner(database.db));
  supervisor = await addMember(database.db, owner.practiceId, 'supervisor');
  ({ owner: outsider } = await createPracticeWithOwner(database.db, { practiceName: 'Muu Oy' }));
  const made: [string, Partial<typeof invoices.$inferInsert>][] = [
    ['dueYesterday', { status: 'open', issueDate: '2027-03-31', dueDate: '2027-04-14' }],
    ['dueToday', { status: 'open', issueDate: '2027-04-01', dueDate: '2027-04-15' }],
    ['paid', { status: 'paid', issueDate: '2027-04-01', dueDate: '2027-04-15' }],
    ['void', { status: 'void', issueDate: '2027-04-02', dueDate: '2027-04-16' }],
    ['pending', { status: 'pending', issueDate: '2027-04-03', dueDate: '2027-04-17' }],
  ];
  for (const [index, [name, values]] of made.entries()) {
    const { invoiceId } = await insertPendingInvoice(database.db, owner, {
      number: index + 1,
      stripeAccountId: 'acct_list',
      lines: [{ amountCents: 10_000 * (index + 1), vatRateBasisPoints: 2550 }],
    });
    await database.db.update(invoices).set(values).where(eq(invoices.id, invoiceId));
    ids[name] = invoiceId;
  }
  const other = await insertPendingInvoice(database.db, outsider, {
    number: 1,
    stripeAccountId: 'acct_other',
  });
  await database.db
    .update(invoices)
    .set({ status: 'open' })
    .where(eq(invoices.id, other.invoiceId));
  ids.other = other.invoiceId;
}, 60_000);
afterAll(() => database.close());

const ctx = () => testContext(database.db, JUST_AFTER_MIDNIGHT);
/** 10 000 × n cents net at 25.5 %: the total of invoice n. */
const totalOf = (n: number) => Math.round(10_000 * n * 1.255);

describe('listInvoices', () => {
  it('lists the practice’s invoices newest first, overdue by the Helsinki date', async () => {
    const list = await listInvoices(ctx(), owner, {});
    expect(list.invoices.map((row) => [row.number, row.status])).toEqual([
      [5, 'pending'],
      [4, 'void'],
      [3, 'paid'],
      [2, 'open'],
      [1, 'overdue'],
    ]);
    expect(list.outstandingCents).toBe(totalOf(1) + totalOf(2));
    expect(list.overdueCents).toBe(totalOf(1));
  });

  it('filters by status, overdue and open apart', async () => {
    const numbers = async (status: Parameters<typeof listInvoices>[2]['status']) =>
      (await listInvoices(ctx(), owner, { status })).invoices.map((row) => row.number);
    expect(await numbers('overdue')).toEqual([1]);
    expect(await numbers('open')).toEqual([2]);
    expect(await numbers('paid')).toEqual([3]);
    expect(await numbers('void')).toEqual([4]);
    expect(await numbers('pending')).toEqual([5]);
  });

  it('filters by the month of issue and sums per month without the void invoices', async () => {
    const april = await listInvoices(ctx(), owner, { month: '2027-04' });
    expect(april.invoices.map((row) => row.number)).toEqual([5, 4, 3, 2]);
    expect(april.months).toEqual([
      { month: '2027-04', count: 3, totalCents: totalOf(2) + totalOf(3) + totalOf(5) },
    ]);
    const all = await listInvoices(ctx(), owner, {});
    expect(all.months.map((m) => [m.month, m.count])).toEqual([
      ['2027-04', 3],
      ['2027-03', 1],
    ]);
    // The outstanding sums are the practice's, whatever the filter.
    expect(april.outstandingCents).toBe(all.outstandingCents);
  });

  it('marks a failed Stripe payment on an invoice still to be paid, not on a paid one', async () => {
    const failedAt = new Date('2027-04-10T08:00:00Z');
    for (const name of ['dueYesterday', 'paid']) {
      await database.db
        .update(invoices)
        .set({ paymentFailedAt: failedAt })
        .where(eq(invoices.id, ids[name] ?? ''));
    }
    const list = await listInvoices(ctx(), owner, {});
    expect(list.invoices.map((row) => [row.number, row.paymentFailed])).toEqual([
      [5, false],
      [4, false],
      [3, false],
      [2, false],
      [1, true],
    ]);
  });

  it('finds the invoice a bank statement’s reference pays, typed with or without spaces', async () => {
    const [paid] = await database.db
      .select({ reference: invoices.referenceNumber, rf: invoices.rfReference })
      .from(invoices)
      .where(eq(invoices.id, ids.paid ?? ''));
    if (!paid) throw new Error('no paid invoice');
    const spaced = paid.reference.replace(/(\d{5})(?=\d)/g, '$1 ');
    for (const reference of [paid.reference, ` ${spaced} `, paid.rf.toLowerCase()]) {
      const found = await listInvoices(ctx(), owner, { reference });
      expect(found.invoices.map((row) => row.number)).toEqual([3]);
      expect(found.invoices[0]?.reference?.replace(/\s/g, '')).toBe(paid.reference);
    }
    // Another practice's reference finds nothing here, and a word is refused.
    expect((await listInvoices(ctx(), outsider, { reference: paid.reference })).invoices).toEqual(
      [],
    );
    expect(await outcomeOf(listInvoices(ctx(), owner, { reference: 'lasku 3' }))).toBe('invalid');
  });

  it('refuses a month that is no month, and a supervisor', async () => {
    expect(await outcomeOf(listInvoices(ctx(), owner, { month: '2027-13' }))).toBe('invalid');
    expect(await outcomeOf(listInvoices(ctx(), supervisor, {}))).toBe('forbidden');
  });

  it('shows another practice nothing of this one', async () => {
    const theirs = await listInvoices(ctx(), outsider, {});
    expect(theirs.invoices.map((row) => row.id)).toEqual([ids.other]);
    expect(theirs.outstandingCents).toBe(18_825);
  });
});

describe('getInvoice', () => {
  it('reads an invoice with its lines, their sessions and VAT per rate', async () => {
    const view = await getInvoice(ctx(), owner, ids.dueYesterday ?? '');
    expect(view.status).toBe('overdue');
    expect(view.lines).toHaveLength(1);
    expect(view.lines[0]?.sessionId).toEqual(expect.any(String));
    expect(view.vatByRate).toEqual([{ rateBasisPoints: 2550, baseCents: 10_000, vatCents: 2550 }]);
  });

  it('answers not found for another practice’s invoice, forbidden for a supervisor', async () => {
    expect(await outcomeOf(getInvoice(ctx(), owner, ids.other ?? ''))).toBe('not_found');
    expect(await outcomeOf(getInvoice(ctx(), supervisor, ids.paid ?? ''))).toBe('forbidden');
  });
});
