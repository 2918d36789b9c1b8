/**
 * Crediting a paid invoice, through the real SDK and the stand-in: the credit note as a
 * document of ours (numbered in the one series, naming the original, negated lines), what
 * Stripe is asked, the sessions released, partial credits, and a credit note issued once
 * whatever is pressed twice or lost on the way.
 */
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { invoiceLines, invoices, supervisionSessions } from '#db/schema';
import { outcomeOf } from '#db/testing/access-cast';
import { insertPendingInvoice, type PendingLineInput } from '#db/testing/billing';
import { testContext } from '#db/testing/context';
import { addMember, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import type { MemberActor } from '~/practices/actor';

import { issueCreditNote } from './credit-note.server';
import { getInvoice, listInvoices } from './invoices.server';
import { markPaidOutOfBand } from './mark-paid-out-of-band.server';
import { pushInvoice } from './push-invoice.server';
import { fetchThatDiesAfter, objectsCreated, stripeWithFetch } from './push-test-fixtures';
import type { StripeStandin } from './stripe-standin/standin.server';
import { onboardedAccount, startStandin } from './stripe-standin/test-fixtures';

let database: TestDatabase;
let standin: StripeStandin;
let stripe: Stripe;
let owner: MemberActor;
let supervisor: MemberActor;
let outsider: MemberActor;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ standin, stripe } = await startStandin());
  ({ owner } = await createPracticeWithOwner(database.db));
  supervisor = await addMember(database.db, owner.practiceId, 'supervisor');
  ({ owner: outsider } = await createPracticeWithOwner(database.db, { practiceName: 'Muu Oy' }));
}, 60_000);
afterAll(async () => {
  await standin.close();
  await database.close();
});

const ctx = () => testContext(database.db);

const TWO_LINES: PendingLineInput[] = [
  { amountCents: 15_000, vatRateBasisPoints: 2550 },
  { amountCents: 12_345, vatRateBasisPoints: 2550 },
];

/**
 * An invoice of ours (numbered from 100, so credit notes take the practice's series from 1)
 * pushed to the stand-in and paid.
 */
async function paidInvoice(number: number, lines: readonly PendingLineInput[] = TWO_LINES) {
  const accountId = await onboardedAccount(stripe, standin);
  const made = await insertPendingInvoice(database.db, owner, {
    number,
    stripeAccountId: accountId,
    lines,
  });
  expect(await pushInvoice(ctx(), stripe, made.invoiceId, owner.practiceId)).toEqual({
    status: 'sent',
  });
  expect(await markPaidOutOfBand(ctx(), owner, stripe, made.invoiceId)).toBe('paid');
  const ours = await row(made.invoiceId);
  const lineRows = await linesOf(made.invoiceId);
  return { ...made, accountId, stripeInvoiceId: ours.stripeInvoiceId ?? '', lines: lineRows };
}

async function row(invoiceId: string) {
  const [found] = await database.db.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!found) throw new Error('no such invoice');
  return found;
}

async function linesOf(invoiceId: string) {
  return database.db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(invoiceLines.position);
}

async function invoicedAt(sessionId: string) {
  const [session] = await database.db
    .select({ invoicedAt: supervisionSessions.invoicedAt })
    .from(supervisionSessions)
    .where(eq(supervisionSessions.id, sessionId));
  return session?.invoicedAt;
}

describe('issueCreditNote', () => {
  it('credits a whole paid invoice: a numbered document naming it, at Stripe once, sessions released', async () => {
    const paid = await paidInvoice(101);
    const { nextInvoiceNumber: expectedNumber } = await database.db.query.practices
      .findFirst({
        where: (p, { eq: equals }) => equals(p.id, owner.practiceId),
        columns: { nextInvoiceNumber: true },
      })
      .then((p) => p ?? { nextInvoiceNumber: -1 });
    const before = standin.requests.length;

    const { creditNoteId, push } = await issueCreditNote(ctx(), owner, stripe, paid.invoiceId, {
      lineIds: paid.lines.map((line) => line.id),
      reason: '  Istunnot laskutettiin väärälle maksajalle  ',
    });
    expect(push).toEqual({ status: 'sent' });

    const original = await row(paid.invoiceId);
    const note = await row(creditNoteId);
    expect(note).toMatchObject({
      kind: 'credit_note',
      number: expectedNumber,
      creditsInvoiceId: paid.invoiceId,
      creditReason: 'Istunnot laskutettiin väärälle maksajalle',
      buyerName: original.buyerName,
      sellerIban: original.sellerIban,
      subtotalCents: -original.subtotalCents,
      vatCents: -original.vatCents,
      totalCents: -original.totalCents,
      status: 'paid',
      pushError: null,
    });
    expect(note.stripeCreditNoteId).toMatch(/^cn_/);
    const noteLines = await linesOf(creditNoteId);
    expect(noteLines.map((l) => [l.creditsLineId, l.amountCents, l.vatCents, l.sessionId])).toEqual(
      paid.lines.map((l) => [l.id, -l.amountCents, -l.vatCents, null]),
    );

    // Stripe was asked once, on the practice's account, under a key of our id.
    const creates = standin.requests
      .slice(before)
      .filter((r) => r.method === 'POST' && r.path === '/v1/credit_notes');
    expect(creates).toHaveLength(1);
    expect(creates[0]).toMatchObject({
      status: 200,
      stripeAccount: paid.accountId,
      idempotencyKey: `ohjaamo:${owner.practiceId}:invoice:${creditNoteId}:credit`,
      body: {
        invoice: paid.stripeInvoiceId,
        out_of_band_amount: String(original.totalCents),
        metadata: { ohjaamo_invoice_id: creditNoteId },
      },
    });
    const remote = await stripe.creditNotes.retrieve(
      note.stripeCreditNoteId ?? '',
      {},
      { stripeAccount: paid.accountId },
    );
    expect(remote).toMatchObject({
      total: original.totalCents,
      subtotal: original.subtotalCents,
      invoice: paid.stripeInvoiceId,
    });

    // The original is credited and its sessions may be corrected and invoiced again.
    expect(original.creditedAt).toBeInstanceOf(Date);
    expect((await linesOf(paid.invoiceId)).every((l) => l.releasedAt instanceof Date)).toBe(true);
    for (const sessionId of paid.sessionIds) expect(await invoicedAt(sessionId)).toBeNull();

    // The pages: the original reads credited and lists its credit note; the note names it.
    const originalView = await getInvoice(ctx(), owner, paid.invoiceId);
    expect(originalView.status).toBe('credited');
    expect(originalView.creditNotes).toEqual([
      expect.objectContaining({ id: creditNoteId, totalCents: -original.totalCents }),
    ]);
    const noteView = await getInvoice(ctx(), owner, creditNoteId);
    expect(noteView.status).toBe('creditNote');
    expect(noteView.credits).toMatchObject({ id: paid.invoiceId, number: 101 });
    const credited = await listInvoices(ctx(), owner, { status: 'credited' });
    expect(credited.invoices.map((i) => i.id)).toContain(paid.invoiceId);
    const notes = await listInvoices(ctx(), owner, { status: 'creditNote' });
    expect(notes.invoices.map((i) => i.id)).toContain(creditNoteId);
    const paidList = await listInvoices(ctx(), owner, { status: 'paid' });
    expect(paidList.invoices.map((i) => i.id)).not.toContain(paid.invoiceId);
  });

  it('credits some lines, then the rest; a line is never credited twice', async () => {
    const paid = await paidInvoice(102);
    const [first, second] = paid.lines;
    if (!first || !second) throw new Error('two lines expected');

    const one = await issueCreditNote(ctx(), owner, stripe, paid.invoiceId, {
      lineIds: [first.id],
      reason: 'Peruttu istunto laskutettiin',
    });
    expect(await row(one.creditNoteId)).toMatchObject({
      subtotalCents: -first.amountCents,
      vatCents: -first.vatCents,
    });
    expect((await row(paid.invoiceId)).creditedAt).toBeNull();
    expect((await getInvoice(ctx(), owner, paid.invoiceId)).status).toBe('paid');
    expect(await invoicedAt(first.sessionId ?? '')).toBeNull();
    expect(await invoicedAt(second.sessionId ?? '')).toBeInstanceOf(Date);

    const again = issueCreditNote(ctx(), owner, stripe, paid.invoiceId, {
      lineIds: [first.id],
      reason: 'Uudestaan',
    });
    await expect(again).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'creditNote.error.lineNotCreditable',
    });

    const rest = await issueCreditNote(ctx(), owner, stripe, paid.invoiceId, {
      lineIds: [second.id],
      reason: 'Loputkin',
    });
    expect((await row(rest.creditNoteId)).number).toBe((await row(one.creditNoteId)).number + 1);
    expect((await row(paid.invoiceId)).creditedAt).toBeInstanceOf(Date);
    expect((await getInvoice(ctx(), owner, paid.invoiceId)).creditNotes).toHaveLength(2);
  });

  it('issues one credit note when the owner presses twice at the same moment', async () => {
    const paid = await paidInvoice(103);
    const request = { lineIds: paid.lines.map((l) => l.id), reason: 'Kahdesti laskutettu' };
    const outcomes = await Promise.all([
      outcomeOf(issueCreditNote(ctx(), owner, stripe, paid.invoiceId, request)),
      outcomeOf(issueCreditNote(ctx(), owner, stripe, paid.invoiceId, request)),
    ]);
    expect(outcomes.sort()).toEqual(['allowed', 'conflict']);
    expect(objectsCreated(standin.requests, paid.accountId, '/v1/credit_notes')).toBe(1);
    expect((await getInvoice(ctx(), owner, paid.invoiceId)).creditNotes).toHaveLength(1);
  });

  it('finishes a push whose answer was lost without a second Stripe credit note', async () => {
    const paid = await paidInvoice(104);
    // The list, the invoice and the creation reach the stand-in; the creation's answer is lost.
    const dying = stripeWithFetch(standin, fetchThatDiesAfter(3));
    const { creditNoteId, push } = await issueCreditNote(ctx(), owner, dying, paid.invoiceId, {
      lineIds: paid.lines.map((l) => l.id),
      reason: 'Virheellinen hinta',
    });
    expect(push.status).toBe('failed');
    const stuck = await row(creditNoteId);
    expect(stuck).toMatchObject({ status: 'pending', stripeCreditNoteId: null });
    expect(stuck.pushError).toBeTruthy();
    expect((await getInvoice(ctx(), owner, creditNoteId)).status).toBe('pending');

    expect(await pushInvoice(ctx(), stripe, creditNoteId, owner.practiceId)).toEqual({
      status: 'sent',
    });
    expect(objectsCreated(standin.requests, paid.accountId, '/v1/credit_notes')).toBe(1);
    expect(await row(creditNoteId)).toMatchObject({ status: 'paid', pushError: null });
  });

  it('refuses an open invoice, no lines, no reason, a supervisor and another practice', async () => {
    const accountId = await onboardedAccount(stripe, standin);
    const open = await insertPendingInvoice(database.db, owner, {
      number: 105,
      stripeAccountId: accountId,
    });
    await pushInvoice(ctx(), stripe, open.invoiceId, owner.practiceId);
    const [line] = await linesOf(open.invoiceId);
    const request = { lineIds: [line?.id ?? ''], reason: 'Syy' };
    await expect(
      issueCreditNote(ctx(), owner, stripe, open.invoiceId, request),
    ).rejects.toMatchObject({ code: 'conflict', messageKey: 'creditNote.error.notPaid' });

    const paid = await paidInvoice(106);
    const all = { lineIds: paid.lines.map((l) => l.id), reason: 'Syy' };
    await expect(
      issueCreditNote(ctx(), owner, stripe, paid.invoiceId, { ...all, lineIds: [] }),
    ).rejects.toMatchObject({ code: 'invalid', messageKey: 'creditNote.error.noLines' });
    await expect(
      issueCreditNote(ctx(), owner, stripe, paid.invoiceId, { ...all, reason: '   ' }),
    ).rejects.toMatchObject({ code: 'invalid', messageKey: 'creditNote.error.reason' });
    await expect(
      issueCreditNote(ctx(), owner, stripe, paid.invoiceId, { ...all, lineIds: [line?.id ?? ''] }),
    ).rejects.toMatchObject({ messageKey: 'creditNote.error.lineNotCreditable' });
    expect(await outcomeOf(issueCreditNote(ctx(), supervisor, stripe, paid.invoiceId, all))).toBe(
      'forbidden',
    );
    expect(await outcomeOf(issueCreditNote(ctx(), outsider, stripe, paid.invoiceId, all))).toBe(
      'not_found',
    );
    expect((await row(paid.invoiceId)).creditedAt).toBeNull();
    expect(objectsCreated(standin.requests, paid.accountId, '/v1/credit_notes')).toBe(0);
  });
});
