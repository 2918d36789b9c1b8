/**
 * The owner's invoice list and invoice page: filters, the derived overdue status by the
 * Helsinki calendar, the sums, and who may read what.
 */
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { invoices } from '#db/schema';
import { outcomeOf } from '#db/testing/access-cast';
import { insertPendingInvoice } from '#db/testing/billing';
import { testContext } from '#db/testing/context';
import { addMember, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase, queryCounter, type TestDatabase } from '#db/testing/test-database';
import type { MemberActor } from '~/practices/actor';

import { getInvoice, listInvoices } from './invoices.server';

const counter = queryCounter();
let database: TestDatabase;
let owner: MemberActor;
let supervisor: MemberActor;
let outsider: MemberActor;
const ids: Record<string, string> = {};

/** 00.30 on 15.4.2027 in Helsinki, still 14.4. in UTC. */
const JUST_AFTER_MIDNIGHT = new Date('2027-04-14T21:30:00Z');

beforeAll(async () => {
  database = await createTestDatabase({ logger: counter });
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

describe('listInvoices a page at a time', () => {
  let many: MemberActor;
  /** 120 invoices, 40 a month from January to March 2027; every tenth is void. */
  beforeAll(async () => {
    ({ owner: many } = await createPracticeWithOwner(database.db, { practiceName: 'Iso Oy' }));
    const first = await insertPendingInvoice(database.db, many, {
      number: 1,
      stripeAccountId: 'acct_many',
    });
    for (let number = 2; number <= 120; number++) {
      await insertPendingInvoice(database.db, many, {
        number,
        stripeAccountId: 'acct_many',
        payer: first,
      });
    }
    const inPractice = eq(invoices.practiceId, many.practiceId);
    for (const [month, from] of [
      ['01', 0],
      ['02', 40],
      ['03', 80],
    ] as const) {
      await database.db
        .update(invoices)
        .set({ status: 'open', issueDate: `2027-${month}-10`, dueDate: `2027-${month}-24` })
        .where(and(inPractice, gt(invoices.number, from), lte(invoices.number, from + 40)));
    }
    await database.db
      .update(invoices)
      .set({ status: 'void' })
      .where(and(inPractice, sql`${invoices.number} % 10 = 0`));
  }, 120_000);

  const numbers = (list: { invoices: { number: number }[] }) =>
    list.invoices.map((row) => row.number);
  const descending = (from: number, to: number) =>
    Array.from({ length: from - to + 1 }, (_, index) => from - index);

  it('lists 50 a page, newest first, and sums every month the filter finds', async () => {
    const pages = [1, 2, 3].map((page) => listInvoices(ctx(), many, { page }));
    const [first, second, third] = await Promise.all(pages);
    expect(
      [first, second, third].map((list) => [list?.page, list?.pageCount, list?.total]),
    ).toEqual([
      [1, 3, 120],
      [2, 3, 120],
      [3, 3, 120],
    ]);
    expect(numbers(first ?? { invoices: [] })).toEqual(descending(120, 71));
    expect(numbers(third ?? { invoices: [] })).toEqual(descending(20, 1));
    // The month totals are of all three pages, without the void ones, the same on each page.
    const invoiceTotal = 18_825;
    expect(first?.months).toEqual([
      { month: '2027-03', count: 36, totalCents: 36 * invoiceTotal },
      { month: '2027-02', count: 36, totalCents: 36 * invoiceTotal },
      { month: '2027-01', count: 36, totalCents: 36 * invoiceTotal },
    ]);
    expect(third?.months).toEqual(first?.months);
  });

  it('pages within the filter, and reads a page that is not there as the first', async () => {
    const february = await listInvoices(ctx(), many, { month: '2027-02', status: 'overdue' });
    expect([february.total, february.pageCount]).toEqual([36, 1]);
    expect(numbers(february)).toEqual(descending(80, 41).filter((n) => n % 10 !== 0));
    const voided = await listInvoices(ctx(), many, { status: 'void', page: 2 });
    expect([voided.page, voided.total]).toEqual([1, 12]);
    expect(numbers(voided)).toEqual(descending(12, 1).map((n) => n * 10));
    for (const page of [0, -1, 4, 1.5]) {
      expect((await listInvoices(ctx(), many, { page })).invoices[0]?.number).toBe(120);
    }
  });

  it('asks the same three queries with 120 invoices as with five', async () => {
    const queries = async (actor: MemberActor) => {
      counter.reset();
      await listInvoices(ctx(), actor, { page: 2 });
      return counter.count;
    };
    expect([await queries(owner), await queries(many)]).toEqual([3, 3]);
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
