/** Invoices of ours written directly, for the billing tests that start after an invoice run. */
import { eq } from 'drizzle-orm';

import { invoiceReferenceNumber, rfReference } from '~/billing/finnish-payment';
import { invoiceTotals } from '~/billing/vat';
import type { MemberActor } from '~/practices/actor';
import { addDays } from '~/time/helsinki';

import type { Db } from '../client';
import { invoiceLines, invoiceRuns, invoices, supervisionSessions } from '../schema';
import { createContractFixture } from './factories';
import { insertSession } from './sessions';

/** A line of a pending invoice: taxed at a rate, or exempt with its legal reason. */
export type PendingLineInput =
  | { amountCents: number; vatRateBasisPoints: number }
  | { amountCents: number; vatRateBasisPoints: null; vatExemptReason: string };

export interface PendingInvoiceInput {
  number: number;
  stripeAccountId: string;
  /** One 150 € line at 25.5 % unless given. */
  lines?: readonly PendingLineInput[];
  /** Bill the same payer (and contract) as an earlier invoice instead of a new one. */
  payer?: { commissionerId: string; contractId: string };
  runId?: string;
}

const ONE_SESSION: readonly PendingLineInput[] = [
  { amountCents: 15_000, vatRateBasisPoints: 2550 },
];

/**
 * A pending invoice of `owner`'s practice for held sessions (one per line, on consecutive
 * days from 2.3.2027), on `stripeAccountId`, as the run's intent writes it: each line holds
 * its session, the session is marked invoiced, and the totals are the lines' (vat.ts).
 */
export async function insertPendingInvoice(
  db: Db,
  owner: MemberActor,
  input: PendingInvoiceInput,
): Promise<{
  invoiceId: string;
  sessionId: string;
  sessionIds: string[];
  lineIds: string[];
  commissionerId: string;
  contractId: string;
}> {
  const { contractId, commissionerId } = input.payer ?? (await createContractFixture(db, owner));
  const lines = input.lines ?? ONE_SESSION;
  const totals = invoiceTotals(
    lines.map((line) =>
      line.vatRateBasisPoints === null
        ? {
            amountCents: line.amountCents,
            rateBasisPoints: null,
            exemptReason: line.vatExemptReason,
          }
        : { amountCents: line.amountCents, rateBasisPoints: line.vatRateBasisPoints },
    ),
  );
  const referenceNumber = invoiceReferenceNumber(input.number);
  const [invoice] = await db
    .insert(invoices)
    .values({
      practiceId: owner.practiceId,
      runId: input.runId ?? null,
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
      referenceNumber,
      rfReference: rfReference(referenceNumber),
      subtotalCents: totals.subtotalCents,
      vatCents: totals.vatCents,
      totalCents: totals.totalCents,
      stripeAccountId: input.stripeAccountId,
    })
    .returning({ id: invoices.id });
  if (!invoice) throw new Error('insert returned no row');
  const sessionIds: string[] = [];
  const lineIds: string[] = [];
  for (const [index, line] of lines.entries()) {
    const serviceDate = addDays('2027-03-02', index);
    const sessionId = await insertSession(db, {
      practiceId: owner.practiceId,
      contractId,
      supervisorId: owner.userId,
      startsAt: new Date(`${serviceDate}T07:00:00Z`),
      status: 'held',
    });
    const [row] = await db
      .insert(invoiceLines)
      .values({
        invoiceId: invoice.id,
        practiceId: owner.practiceId,
        position: index + 1,
        sessionId,
        contractId,
        description: `Työnohjaus 60 min ${Number(serviceDate.slice(8))}.3.2027`,
        serviceDate,
        unitPriceCents: line.amountCents,
        amountCents: line.amountCents,
        vatRateBasisPoints: line.vatRateBasisPoints,
        vatExemptReason: line.vatRateBasisPoints === null ? line.vatExemptReason : null,
        vatCents: totals.lines[index]?.vatCents ?? 0,
      })
      .returning({ id: invoiceLines.id });
    if (!row) throw new Error('insert returned no row');
    await db
      .update(supervisionSessions)
      .set({ invoicedAt: new Date('2027-04-01T08:00:00Z') })
      .where(eq(supervisionSessions.id, sessionId));
    sessionIds.push(sessionId);
    lineIds.push(row.id);
  }
  const [sessionId = ''] = sessionIds;
  return { invoiceId: invoice.id, sessionId, sessionIds, lineIds, commissionerId, contractId };
}

/** A confirmed invoice run of the practice, for its invoices to name. */
export async function insertInvoiceRun(db: Db, owner: MemberActor): Promise<string> {
  const [run] = await db
    .insert(invoiceRuns)
    .values({
      practiceId: owner.practiceId,
      periodStart: '2027-03-01',
      periodEnd: '2027-03-31',
      createdBy: owner.userId,
    })
    .returning({ id: invoiceRuns.id });
  if (!run) throw new Error('insert returned no row');
  return run.id;
}
