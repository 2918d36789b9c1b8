import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { contractPrices, invoiceLines, invoices, supervisionSessions } from '#db/schema';
import { createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import type { MemberActor } from '~/practices/actor';
import { helsinkiInstant } from '~/time/helsinki';

import { sessionsForPeriod } from './billable-sessions.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const march = { start: '2027-03-01', end: '2027-03-31' };
const now = new Date('2027-04-02T10:00:00Z');

type SessionValues = Partial<typeof supervisionSessions.$inferInsert>;

async function session(owner: MemberActor, contractId: string, day: string, values: SessionValues) {
  const startsAt = helsinkiInstant(day, '09:00');
  const [row] = await database.db
    .insert(supervisionSessions)
    .values({
      practiceId: owner.practiceId,
      contractId,
      supervisorId: owner.userId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 90 * 60_000),
      ...values,
    })
    .returning({ id: supervisionSessions.id });
  if (!row) throw new Error('no row');
  return row.id;
}

describe('the sessions an invoice run bills', () => {
  it('bills held, charged late cancellations and no-shows, and says why the rest is left out', async () => {
    const { owner } = await createPracticeWithOwner(database.db);
    const { contractId, commissionerId } = await createContractFixture(database.db, owner);
    const held = await session(owner, contractId, '2027-03-02', { status: 'held' });
    const late = await session(owner, contractId, '2027-03-09', {
      status: 'cancelled',
      cancelledLate: true,
      cancelledBy: 'supervisee',
      chargeable: true,
    });
    const noShow = await session(owner, contractId, '2027-03-16', { status: 'no_show' });
    const waived = await session(owner, contractId, '2027-03-17', {
      status: 'no_show',
      chargeable: false,
      chargeWaivedReason: 'Sairastui',
    });
    await session(owner, contractId, '2027-03-18', {
      status: 'cancelled',
      cancelledLate: false,
      cancelledBy: 'supervisee',
      chargeable: false,
    });
    const notCharged = await session(owner, contractId, '2027-03-20', {
      status: 'no_show',
      chargeable: false,
    });
    const noOutcome = await session(owner, contractId, '2027-03-23', {});
    // Outside the period (Helsinki days): the last evening of February, the 1st of April.
    await session(owner, contractId, '2027-02-28', { status: 'held' });
    await session(owner, contractId, '2027-04-01', { status: 'held' });

    const { billable, leftOut } = await sessionsForPeriod(
      database.db,
      owner.practiceId,
      march,
      now,
    );
    expect(
      billable.map((b) => [b.sessionId, b.outcome, b.priceCents, b.vatRateBasisPoints]),
    ).toEqual([
      [held, 'held', 15_000, 2550],
      [late, 'late_cancelled', 15_000, 2550],
      [noShow, 'no_show', 15_000, 2550],
    ]);
    expect(billable[0]).toMatchObject({
      payerKind: 'commissioner',
      payerId: commissionerId,
      minutes: 90,
    });
    expect(leftOut.map((l) => [l.sessionId, l.reason])).toEqual([
      [waived, 'waived'],
      [notCharged, 'notCharged'],
      [noOutcome, 'noOutcome'],
    ]);
  });

  it('prices each session by the terms in force when it took place', async () => {
    const { owner } = await createPracticeWithOwner(database.db);
    const { contractId } = await createContractFixture(database.db, owner);
    const early = await session(owner, contractId, '2027-03-03', { status: 'held' });
    const later = await session(owner, contractId, '2027-03-24', { status: 'held' });
    // History that begins after the first session: it keeps the history's first terms.
    await database.db.insert(contractPrices).values([
      {
        practiceId: owner.practiceId,
        contractId,
        effectiveFrom: helsinkiInstant('2027-03-10'),
        priceCents: 12_000,
        vatRateBasisPoints: null,
        vatExemptReason: 'AVL 34 §',
      },
      {
        practiceId: owner.practiceId,
        contractId,
        effectiveFrom: helsinkiInstant('2027-03-20'),
        priceCents: 20_000,
        vatRateBasisPoints: 2550,
        vatExemptReason: null,
      },
    ]);
    const { billable } = await sessionsForPeriod(database.db, owner.practiceId, march, now);
    expect(
      billable.map((b) => [b.sessionId, b.priceCents, b.vatRateBasisPoints, b.vatExemptReason]),
    ).toEqual([
      [early, 12_000, null, 'AVL 34 §'],
      [later, 20_000, 2550, null],
    ]);
  });

  it('leaves out a session on a live invoice line, and nothing of another practice shows', async () => {
    const { owner } = await createPracticeWithOwner(database.db);
    const { contractId, commissionerId } = await createContractFixture(database.db, owner);
    const invoiced = await session(owner, contractId, '2027-03-04', { status: 'held' });
    const [invoice] = await database.db
      .insert(invoices)
      .values({
        practiceId: owner.practiceId,
        number: 1,
        payerKind: 'commissioner',
        commissionerId,
        buyerName: 'Kuopion kaupunki',
        buyerAddress: 'PL 1, 70101 Kuopio',
        sellerName: 'Työnohjaus Oy',
        sellerAddress: 'Katu 1, 70100 Kuopio',
        sellerBusinessId: '1234567-1',
        sellerIban: 'FI2112345600000785',
        issueDate: '2027-04-01',
        dueDate: '2027-04-15',
        referenceNumber: '13',
        rfReference: 'RF7113',
        subtotalCents: 15_000,
        vatCents: 3825,
        totalCents: 18_825,
        stripeAccountId: 'acct_1',
      })
      .returning({ id: invoices.id });
    await database.db.insert(invoiceLines).values({
      invoiceId: invoice?.id ?? '',
      practiceId: owner.practiceId,
      position: 1,
      sessionId: invoiced,
      description: 'Työnohjaus 90 min 4.3.2027',
      serviceDate: '2027-03-04',
      unitPriceCents: 15_000,
      amountCents: 15_000,
      vatRateBasisPoints: 2550,
      vatCents: 3825,
    });
    const { owner: stranger } = await createPracticeWithOwner(database.db);
    const { contractId: theirs } = await createContractFixture(database.db, stranger);
    await session(stranger, theirs, '2027-03-05', { status: 'held' });

    const result = await sessionsForPeriod(database.db, owner.practiceId, march, now);
    expect(result.billable).toEqual([]);
    expect(result.leftOut.map((l) => [l.sessionId, l.reason])).toEqual([
      [invoiced, 'alreadyInvoiced'],
    ]);
  });
});
