/**
 * Correcting a paid invoice with a credit note (VAT Act 209 e §: an issued invoice is never
 * edited). The credit note is a document of its own in the practice's one number series; it
 * names the invoice it corrects and carries the credited lines with negated amounts and the
 * VAT they were invoiced with. The credited sessions are released: their outcome may be
 * corrected and they may be invoiced again. An open invoice is voided instead.
 *
 * Like an invoice, the credit note is written first, then pushed to Stripe (a credit note of
 * the Stripe invoice, `out_of_band_amount`: the practice returns the money or sets it
 * against a later invoice itself); a push that stops is finished by sending again.
 */
import { randomUUID } from 'node:crypto';

import { and, asc, eq } from 'drizzle-orm';
import type Stripe from 'stripe';

import type { Db } from '#db/client';
import { type Invoice, type InvoiceLine, invoiceLines, invoices } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';
import { helsinkiDate } from '~/time/helsinki';

import { assertMayManageBilling } from './access.server';
import { invoiceReferenceNumber, rfReference } from './finnish-payment';
import { takeInvoiceNumbers } from './numbering.server';
import { pushInvoice, type PushOutcome } from './push-invoice.server';
import { releaseInvoiceLines } from './release-lines.server';

export const CREDIT_REASON_MAX = 500;

/** Lines of the invoice that no void or earlier credit note has taken back. */
export function creditableLines(
  invoice: Pick<Invoice, 'kind' | 'status'>,
  lines: readonly InvoiceLine[],
): InvoiceLine[] {
  if (invoice.kind !== 'invoice' || invoice.status !== 'paid') return [];
  return lines.filter((line) => line.releasedAt === null);
}

export interface CreditNoteRequest {
  /** The invoice's lines to credit, whole. */
  lineIds: readonly string[];
  /** Why, in the owner's words: printed on the credit note. */
  reason: string;
}

/**
 * Writes the credit note and releases the credited lines in one transaction, then pushes it
 * to Stripe. The original invoice's row lock makes two owners (or a double click) credit a
 * line once: the second finds the line released and is refused; the unique index on the
 * credited line holds even if that reasoning were wrong.
 */
export async function issueCreditNote(
  ctx: DomainContext,
  actor: MemberActor,
  stripe: Stripe,
  invoiceId: string,
  request: CreditNoteRequest,
): Promise<{ creditNoteId: string; push: PushOutcome }> {
  assertMayManageBilling(actor);
  const reason = request.reason.trim();
  if (reason.length === 0 || reason.length > CREDIT_REASON_MAX) {
    throw new AppError('invalid', 'creditNote.error.reason');
  }
  const wanted = new Set(request.lineIds);
  if (wanted.size === 0) throw new AppError('invalid', 'creditNote.error.noLines');

  const creditNoteId = await ctx.db.transaction(async (tx) => {
    const ours = and(eq(invoices.id, invoiceId), eq(invoices.practiceId, actor.practiceId));
    const [original] = await tx.select().from(invoices).where(ours).for('update');
    if (!original) throw new AppError('not_found');
    if (original.kind !== 'invoice' || original.status !== 'paid') {
      throw new AppError('conflict', 'creditNote.error.notPaid');
    }
    const lines = await linesOf(tx, actor.practiceId, original.id);
    const open = creditableLines(original, lines);
    const chosen = open.filter((line) => wanted.has(line.id));
    if (chosen.length !== wanted.size) {
      throw new AppError('conflict', 'creditNote.error.lineNotCreditable');
    }
    const id = randomUUID();
    const number = await takeInvoiceNumbers(tx, actor.practiceId, 1);
    const today = helsinkiDate(ctx.now);
    const reference = invoiceReferenceNumber(number);
    const subtotalCents = -sum(chosen.map((line) => line.amountCents));
    const vatCents = -sum(chosen.map((line) => line.vatCents));
    await tx.insert(invoices).values({
      id,
      practiceId: actor.practiceId,
      kind: 'credit_note',
      number,
      creditsInvoiceId: original.id,
      creditReason: reason,
      payerKind: original.payerKind,
      commissionerId: original.commissionerId,
      clientId: original.clientId,
      buyerName: original.buyerName,
      buyerAddress: original.buyerAddress,
      buyerBusinessId: original.buyerBusinessId,
      buyerVatNumber: original.buyerVatNumber,
      buyerEmail: original.buyerEmail,
      sellerName: original.sellerName,
      sellerAddress: original.sellerAddress,
      sellerBusinessId: original.sellerBusinessId,
      sellerVatNumber: original.sellerVatNumber,
      sellerIban: original.sellerIban,
      // Nothing is due on a credit note: it is settled the day it is issued.
      issueDate: today,
      dueDate: today,
      periodStart: original.periodStart,
      periodEnd: original.periodEnd,
      referenceNumber: reference,
      rfReference: rfReference(reference),
      subtotalCents,
      vatCents,
      totalCents: subtotalCents + vatCents,
      stripeAccountId: original.stripeAccountId,
      stripeCustomerId: original.stripeCustomerId,
      createdBy: actor.userId,
    });
    await tx.insert(invoiceLines).values(
      chosen.map((line, index) => ({
        invoiceId: id,
        practiceId: actor.practiceId,
        position: index + 1,
        // The session stays on the original's line; a credit line holds no session, so the
        // session may go on a new invoice.
        sessionId: null,
        contractId: line.contractId,
        creditsLineId: line.id,
        description: line.description,
        serviceDate: line.serviceDate,
        quantity: line.quantity,
        unitPriceCents: -line.unitPriceCents,
        amountCents: -line.amountCents,
        vatRateBasisPoints: line.vatRateBasisPoints,
        vatExemptReason: line.vatExemptReason,
        vatCents: -line.vatCents,
      })),
    );
    await releaseInvoiceLines(
      tx,
      actor.practiceId,
      original.id,
      ctx.now,
      chosen.map((line) => line.id),
    );
    if (chosen.length === open.length) {
      await tx.update(invoices).set({ creditedAt: ctx.now }).where(ours);
    }
    return id;
  });
  const push = await pushInvoice(ctx, stripe, creditNoteId, actor.practiceId);
  return { creditNoteId, push };
}

async function linesOf(tx: Db, practiceId: string, invoiceId: string) {
  return tx
    .select()
    .from(invoiceLines)
    .where(and(eq(invoiceLines.invoiceId, invoiceId), eq(invoiceLines.practiceId, practiceId)))
    .orderBy(asc(invoiceLines.position));
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
