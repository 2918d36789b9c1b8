import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import {
  clients,
  commissioners,
  invoiceLines,
  invoices,
  practices,
  stripeConnections,
  supervisionSessions,
} from '#db/schema';
import { testContext } from '#db/testing/context';
import { addMember, createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase } from '#db/testing/test-database';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';
import { helsinkiInstant } from '~/time/helsinki';

import { confirmInvoiceRun, previewInvoiceRun } from './invoice-run.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const march = { start: '2027-03-01', end: '2027-03-31' };
const now = new Date('2027-04-01T09:00:00Z');
const ctx = () => testContext(database.db, now);

/** A practice ready to invoice: details filled, Stripe connected; two paying commissioners. */
async function invoicingPractice(options: { connected?: boolean; vatNumber?: string | null } = {}) {
  const { owner } = await createPracticeWithOwner(database.db);
  await database.db
    .update(practices)
    .set({
      legalName: 'Työnohjaus Kajo Oy',
      streetAddress: 'Kauppakatu 1',
      postalCode: '70100',
      city: 'Kuopio',
      businessId: '2980005-2',
      vatNumber: options.vatNumber === undefined ? 'FI29800052' : options.vatNumber,
      iban: 'FI2112345600000785',
    })
    .where(eq(practices.id, owner.practiceId));
  await database.db.insert(stripeConnections).values({
    practiceId: owner.practiceId,
    accountId: `acct_${owner.practiceId.slice(0, 8)}`,
    chargesEnabled: options.connected ?? true,
  });
  const city = await contractWithSessions(owner, 'Kuopion kaupunki', ['2027-03-02', '2027-03-23']);
  const region = await contractWithSessions(owner, 'Pohjois-Savon hyvinvointialue', ['2027-03-09']);
  return { owner, city, region };
}

async function contractWithSessions(owner: MemberActor, name: string, days: string[]) {
  const { contractId, commissionerId } = await createContractFixture(database.db, owner);
  await database.db
    .update(commissioners)
    .set({ name, addressLine: 'PL 1000', postalCode: '70101', city: 'Kuopio' })
    .where(eq(commissioners.id, commissionerId));
  const sessionIds = [];
  for (const day of days) {
    sessionIds.push(
      await insertSession(database.db, {
        practiceId: owner.practiceId,
        contractId,
        supervisorId: owner.userId,
        startsAt: helsinkiInstant(day, '09:00'),
        minutes: 90,
        status: 'held',
      }),
    );
  }
  return { contractId, commissionerId, sessionIds };
}

describe('an invoice run', () => {
  it('previews one invoice per payer, with neutral lines and VAT per line', async () => {
    const { owner, city, region } = await invoicingPractice();
    const plan = await previewInvoiceRun(ctx(), owner, march);
    expect(plan.problems).toEqual([]);
    expect(plan.missingDetails).toEqual([]);
    expect(
      plan.payers.map((p) => [
        p.buyer.name,
        p.lines.length,
        p.subtotalCents,
        p.vatCents,
        p.totalCents,
      ]),
    ).toEqual([
      ['Kuopion kaupunki', 2, 30_000, 7650, 37_650],
      ['Pohjois-Savon hyvinvointialue', 1, 15_000, 3825, 18_825],
    ]);
    const [first] = plan.payers;
    expect(first?.payerId).toBe(city.commissionerId);
    expect(first?.buyer.address).toBe('PL 1000\n70101 Kuopio');
    expect(first?.lines[0]?.description).toMatch(/^Työnohjaus 90 min 2\.3\.2027, sopimus TO-/);
    expect(first?.vatByRate).toEqual([
      { rateBasisPoints: 2550, baseCents: 30_000, vatCents: 7650 },
    ]);
    expect(plan.totals).toEqual({ subtotalCents: 45_000, vatCents: 11_475, totalCents: 56_475 });
    expect(region.sessionIds).toHaveLength(1);
  });

  it('writes numbered pending invoices once; the next run finds the sessions invoiced', async () => {
    const { owner, city } = await invoicingPractice();
    const { invoiceIds } = await confirmInvoiceRun(ctx(), owner, march);
    const rows = await database.db
      .select({
        number: invoices.number,
        status: invoices.status,
        reference: invoices.referenceNumber,
        rf: invoices.rfReference,
        total: invoices.totalCents,
        due: invoices.dueDate,
        seller: invoices.sellerName,
      })
      .from(invoices)
      .where(inArray(invoices.id, invoiceIds))
      .orderBy(asc(invoices.number));
    expect(rows).toEqual([
      {
        number: 1,
        status: 'pending',
        reference: '10016',
        rf: expect.stringMatching(/^RF\d{2}10016$/),
        total: 37_650,
        due: '2027-04-15',
        seller: 'Työnohjaus Kajo Oy',
      },
      {
        number: 2,
        status: 'pending',
        reference: '10029',
        rf: expect.stringMatching(/^RF\d{2}10029$/),
        total: 18_825,
        due: '2027-04-15',
        seller: 'Työnohjaus Kajo Oy',
      },
    ]);
    const sessions = await database.db
      .select({ invoicedAt: supervisionSessions.invoicedAt })
      .from(supervisionSessions)
      .where(inArray(supervisionSessions.id, city.sessionIds));
    expect(sessions.every((s) => s.invoicedAt?.getTime() === now.getTime())).toBe(true);

    await expect(confirmInvoiceRun(ctx(), owner, march)).rejects.toMatchObject({
      messageKey: 'invoiceRun.error.nothingToInvoice',
    });
    const again = await previewInvoiceRun(ctx(), owner, march);
    expect(again.payers).toEqual([]);
    expect(again.leftOut.map((l) => l.reason)).toEqual([
      'alreadyInvoiced',
      'alreadyInvoiced',
      'alreadyInvoiced',
    ]);
    const [practice] = await database.db
      .select({ next: practices.nextInvoiceNumber })
      .from(practices)
      .where(eq(practices.id, owner.practiceId));
    expect(practice?.next).toBe(3);
  });

  it('gives one set of invoices when two runs are confirmed at once', async () => {
    const { owner } = await invoicingPractice();
    const results = await Promise.allSettled([
      confirmInvoiceRun(ctx(), owner, march),
      confirmInvoiceRun(ctx(), owner, march),
    ]);
    const done = results.filter((r) => r.status === 'fulfilled');
    expect(done).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason instanceof AppError).toBe(true);
    const written = await database.db
      .select({ id: invoiceLines.id })
      .from(invoiceLines)
      .where(eq(invoiceLines.practiceId, owner.practiceId));
    expect(written).toHaveLength(3);
  });

  it('refuses to start without Stripe, without the VAT number for taxed lines, or for a supervisor', async () => {
    const notConnected = await invoicingPractice({ connected: false });
    expect((await previewInvoiceRun(ctx(), notConnected.owner, march)).problems).toEqual([
      'notConnected',
    ]);
    await expect(confirmInvoiceRun(ctx(), notConnected.owner, march)).rejects.toMatchObject({
      messageKey: 'invoiceRun.error.notConnected',
    });
    const noVat = await invoicingPractice({ vatNumber: null });
    await expect(confirmInvoiceRun(ctx(), noVat.owner, march)).rejects.toMatchObject({
      messageKey: 'invoiceRun.error.vatNumberMissing',
    });
    const supervisor = await addMember(database.db, noVat.owner.practiceId, 'supervisor');
    await expect(previewInvoiceRun(ctx(), supervisor, march)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(confirmInvoiceRun(ctx(), supervisor, march)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('leaves out a payer without a billing address, and says so', async () => {
    const { owner, region } = await invoicingPractice();
    await database.db
      .update(commissioners)
      .set({ addressLine: null })
      .where(eq(commissioners.id, region.commissionerId));
    const plan = await previewInvoiceRun(ctx(), owner, march);
    expect(plan.payers.map((p) => p.buyer.name)).toEqual(['Kuopion kaupunki']);
    expect(plan.leftOut).toEqual([
      expect.objectContaining({
        sessionId: region.sessionIds[0],
        reason: 'payerAddressMissing',
        payerKind: 'commissioner',
        payerId: region.commissionerId,
      }),
    ]);
  });

  it('invoices a supervisee who pays for themselves once their billing address is complete', async () => {
    const { owner } = await invoicingPractice();
    const { contractId, clientId } = await createContractFixture(database.db, owner, {
      payer: 'supervisee',
    });
    await database.db
      .update(clients)
      .set({
        name: 'Maria Lehtonen',
        email: 'maria@example.fi',
        streetAddress: 'Puistokatu 4 B 12',
      })
      .where(eq(clients.id, clientId));
    const sessionId = await insertSession(database.db, {
      practiceId: owner.practiceId,
      contractId,
      supervisorId: owner.userId,
      startsAt: helsinkiInstant('2027-03-16', '14:00'),
      minutes: 60,
      status: 'held',
    });

    // Street address only: no postal code or town, so no lawful invoice.
    const without = await previewInvoiceRun(ctx(), owner, march);
    expect(without.payers.some((p) => p.payerKind === 'supervisee')).toBe(false);
    expect(without.leftOut).toEqual([
      expect.objectContaining({
        sessionId,
        reason: 'payerAddressMissing',
        payerKind: 'supervisee',
        payerId: clientId,
      }),
    ]);

    await database.db
      .update(clients)
      .set({ postalCode: '70100', city: 'Kuopio' })
      .where(eq(clients.id, clientId));
    const plan = await previewInvoiceRun(ctx(), owner, march);
    expect(plan.leftOut).toEqual([]);
    const supervisee = plan.payers.find((p) => p.payerKind === 'supervisee');
    expect(supervisee).toMatchObject({
      payerId: clientId,
      buyer: {
        name: 'Maria Lehtonen',
        address: 'Puistokatu 4 B 12\n70100 Kuopio',
        businessId: null,
        email: 'maria@example.fi',
      },
      subtotalCents: 15_000,
      vatCents: 3825,
      totalCents: 18_825,
    });
    expect(supervisee?.lines.map((l) => l.sessionId)).toEqual([sessionId]);

    const { invoiceIds } = await confirmInvoiceRun(ctx(), owner, march);
    expect(invoiceIds).toHaveLength(3);
    // The buyer as they were at issue: a later move does not rewrite the invoice.
    await database.db
      .update(clients)
      .set({ streetAddress: 'Uusi katu 1', postalCode: '00100', city: 'Helsinki' })
      .where(eq(clients.id, clientId));
    const [written] = await database.db
      .select({
        payerKind: invoices.payerKind,
        clientId: invoices.clientId,
        commissionerId: invoices.commissionerId,
        buyerName: invoices.buyerName,
        buyerAddress: invoices.buyerAddress,
        buyerBusinessId: invoices.buyerBusinessId,
        buyerEmail: invoices.buyerEmail,
        totalCents: invoices.totalCents,
      })
      .from(invoices)
      .where(and(inArray(invoices.id, invoiceIds), eq(invoices.payerKind, 'supervisee')));
    expect(written).toEqual({
      payerKind: 'supervisee',
      clientId,
      commissionerId: null,
      buyerName: 'Maria Lehtonen',
      buyerAddress: 'Puistokatu 4 B 12\n70100 Kuopio',
      buyerBusinessId: null,
      buyerEmail: 'maria@example.fi',
      totalCents: 18_825,
    });
    const [line] = await database.db
      .select({ sessionId: invoiceLines.sessionId })
      .from(invoiceLines)
      .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
      .where(and(inArray(invoices.id, invoiceIds), eq(invoices.payerKind, 'supervisee')));
    expect(line?.sessionId).toBe(sessionId);
  });
});
