/** Invoices of ours written directly, for the billing tests that start after an invoice run. */
import { eq } from 'drizzle-orm';

import type { MemberActor } from '~/practices/actor';

import type { Db } from '../client';
import { invoiceLines, invoices, supervisionSessions } from '../schema';
import { createContractFixture } from './factories';
import { insertSession } from './sessions';

/**
 * A pending invoice of `owner`'s practice for one held session, on `stripeAccountId`, as the
 * run's intent writes it: the line holds the session and the session is marked invoiced.
 */
export async function insertPendingInvoice(
  db: Db,
  owner: MemberActor,
  input: { number: number; stripeAccountId: string },
): Promise<{ invoiceId: string; sessionId: string }> {
  const { contractId, commissionerId } = await createContractFixture(db, owner);
  const sessionId = await insertSession(db, {
    practiceId: owner.practiceId,
    contractId,
    supervisorId: owner.userId,
    startsAt: new Date('2027-03-02T07:00:00Z'),
    status: 'held',
  });
  const [invoice] = await db
    .insert(invoices)
    .values({
      practiceId: owner.practiceId,
      number: input.number,
      payerKind: 'commissioner',
      commissionerId,
      buyerName: 'Kuopion kaupunki',
      buyerAddress: 'PL 1000, 70101 Kuopio',
      buyerBusinessId: '0171545-0',
      sellerName: 'Työnohjaus Kajo Oy',
      sellerAddress: 'Kauppakatu 1, 70100 Kuopio',
      sellerBusinessId: '2980005-2',
      sellerVatNumber: 'FI29800052',
      sellerIban: 'FI2112345600000785',
      issueDate: '2027-04-01',
      dueDate: '2027-04-15',
      referenceNumber: '10016',
      rfReference: 'RF5510016',
      subtotalCents: 15_000,
      vatCents: 3825,
      totalCents: 18_825,
      stripeAccountId: input.stripeAccountId,
    })
    .returning({ id: invoices.id });
  if (!invoice) throw new Error('insert returned no row');
  await db.insert(invoiceLines).values({
    invoiceId: invoice.id,
    practiceId: owner.practiceId,
    position: 1,
    sessionId,
    contractId,
    description: 'Työnohjaus 60 min 2.3.2027',
    serviceDate: '2027-03-02',
    unitPriceCents: 15_000,
    amountCents: 15_000,
    vatRateBasisPoints: 2550,
    vatCents: 3825,
  });
  await db
    .update(supervisionSessions)
    .set({ invoicedAt: new Date('2027-04-01T08:00:00Z') })
    .where(eq(supervisionSessions.id, sessionId));
  return { invoiceId: invoice.id, sessionId };
}
