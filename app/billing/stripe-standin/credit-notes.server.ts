import Stripe from 'stripe';

import { newId, unixSeconds } from './clock.server';
import { illegalTransition, invalidParam, missingParam, noSuch } from './errors.server';
import { mergeMetadata, type Params } from './form.server';
import { readTaxRates } from './invoice-items.server';
import { settleIfCredited } from './invoice-lifecycle.server';
import { invoiceAmounts, invoiceLines, presentInvoice } from './invoice-view.server';
import { readListLimit } from './limits.server';
import type { RequestContext, Route } from './route.server';
import { type AccountData, find, type InvoiceRecord } from './state.server';
import { lineTaxes, roundedQuotient, sumTaxedLines } from './taxes.server';

type CreditLine = Stripe.CreditNoteLineItem;

/** A line crediting (part of) an invoice line: by amount, or by quantity at its unit price. */
function creditInvoiceLine(data: AccountData, record: InvoiceRecord, entry: Params): CreditLine {
  const lineId = entry.requiredString('invoice_line_item');
  const line = invoiceLines(data, record).find((l) => l.id === lineId);
  if (!line) throw noSuch('invoice line item', lineId, entry.name('invoice_line_item'));
  const quantity = entry.nonNegativeInteger('quantity');
  let amount = entry.integer('amount');
  if (amount === undefined && quantity !== undefined) {
    if (quantity > (line.quantity ?? 1)) {
      throw invalidParam(entry.name('quantity'), 'You cannot credit more than the line quantity.');
    }
    amount = roundedQuotient(BigInt(line.amount * quantity), BigInt(line.quantity ?? 1));
  }
  if (amount === undefined) throw missingParam(entry.name('amount'));
  const credited = data.creditedPerLine.get(lineId) ?? 0;
  if (amount <= 0 || credited + amount > line.amount) {
    throw invalidParam(
      entry.name('amount'),
      `The amount to credit must be positive and at most what is left of line ${lineId} ` +
        `(${line.amount - credited}).`,
    );
  }
  const rates = (line.taxes ?? []).flatMap((t) =>
    t.tax_rate_details ? (data.taxRates.get(t.tax_rate_details.tax_rate) ?? []) : [],
  );
  return creditLine({ type: 'invoice_line_item', amount, rates, invoiceLineItem: lineId }, entry);
}

function creditCustomLine(data: AccountData, entry: Params): CreditLine {
  const unitAmount = entry.nonNegativeInteger('unit_amount');
  if (unitAmount === undefined) throw missingParam(entry.name('unit_amount'));
  if (entry.string('description') === undefined) throw missingParam(entry.name('description'));
  const quantity = entry.nonNegativeInteger('quantity') ?? 1;
  const rates = readTaxRates(data, entry, 'tax_rates') ?? [];
  return creditLine(
    { type: 'custom_line_item', amount: unitAmount * quantity, rates, quantity, unitAmount },
    entry,
  );
}

function creditLine(
  line: {
    type: 'invoice_line_item' | 'custom_line_item';
    amount: number;
    rates: Stripe.TaxRate[];
    invoiceLineItem?: string;
    quantity?: number;
    unitAmount?: number;
  },
  entry: Params,
): CreditLine {
  const unitAmount = line.unitAmount ?? null;
  return {
    id: newId('cnli'),
    object: 'credit_note_line_item',
    amount: line.amount,
    description: entry.string('description') ?? null,
    discount_amount: 0,
    discount_amounts: [],
    ...(line.invoiceLineItem ? { invoice_line_item: line.invoiceLineItem } : {}),
    livemode: false,
    metadata: mergeMetadata({}, entry.metadata()),
    pretax_credit_amounts: [],
    quantity: line.quantity ?? null,
    tax_rates: line.rates,
    taxes: lineTaxes(line.amount, line.rates),
    type: line.type,
    unit_amount: unitAmount,
    unit_amount_decimal: unitAmount === null ? null : Stripe.Decimal.from(unitAmount),
  };
}

function readLines(data: AccountData, record: InvoiceRecord, params: Params): CreditLine[] {
  return (params.objectList('lines') ?? []).map((entry) => {
    entry.allowOnly([
      'type',
      'invoice_line_item',
      'amount',
      'quantity',
      'description',
      'unit_amount',
      'tax_rates',
      'metadata',
    ]);
    const type = entry.oneOf('type', ['invoice_line_item', 'custom_line_item']);
    if (type === undefined) throw missingParam(entry.name('type'));
    return type === 'invoice_line_item'
      ? creditInvoiceLine(data, record, entry)
      : creditCustomLine(data, entry);
  });
}

/**
 * Issues a credit note (docs.stripe.com/api/credit_notes/create): it first lowers what is
 * still due on an open invoice (pre-payment part); the rest (post-payment part) must be
 * accounted for as customer credit or as credited outside Stripe. Refunds are not modelled.
 */
function createCreditNote(context: RequestContext): Stripe.CreditNote {
  const { engine, data, params, accountId, trace } = context;
  if (params.has('refund_amount') || params.has('refunds')) {
    throw invalidParam(
      'refund_amount',
      'The stand-in does not model refunds: credit the customer (credit_amount) or record ' +
        'the credit as given outside Stripe (out_of_band_amount).',
    );
  }
  params.allowOnly([
    'invoice',
    'amount',
    'lines',
    'reason',
    'memo',
    'metadata',
    'credit_amount',
    'out_of_band_amount',
    'email_type',
  ]);
  const record = find(data.invoices, 'invoice', params.requiredString('invoice'), 'invoice');
  const lines = readLines(data, record, params);
  const totals = sumTaxedLines(lines);
  const amount = params.integer('amount');
  if (lines.length === 0 && amount === undefined) throw missingParam('amount');
  if (lines.length > 0 && amount !== undefined && amount !== totals.total) {
    throw invalidParam(
      'amount',
      `The amount (${amount}) must equal the lines' total (${totals.total}).`,
    );
  }
  const total = lines.length > 0 ? totals.total : (amount ?? 0);
  if (record.status !== 'open' && record.status !== 'paid') {
    throw illegalTransition(
      `You can only create credit notes for open or paid invoices; invoice ${record.id} is ${record.status}.`,
    );
  }
  const invoiceTotal = invoiceAmounts(data, record).total;
  const alreadyCredited = record.prePaymentCredit + record.postPaymentCredit;
  if (total <= 0 || alreadyCredited + total > invoiceTotal) {
    throw invalidParam(
      'amount',
      `The credit note total (${total}) must be positive and at most what is left to credit ` +
        `on the invoice (${invoiceTotal - alreadyCredited}).`,
    );
  }
  const remaining = record.status === 'open' ? invoiceAmounts(data, record).amountRemaining : 0;
  const prePayment = Math.min(total, remaining);
  const postPayment = total - prePayment;
  const creditAmount = params.nonNegativeInteger('credit_amount') ?? 0;
  const outOfBand = params.nonNegativeInteger('out_of_band_amount') ?? 0;
  if (creditAmount + outOfBand !== postPayment) {
    throw invalidParam(
      'out_of_band_amount',
      `The sum of credit_amount and out_of_band_amount (${creditAmount + outOfBand}) must equal ` +
        `the part of the credit note beyond what the invoice still owes (${postPayment}).`,
    );
  }
  const creditNote: Stripe.CreditNote = {
    id: newId('cn'),
    object: 'credit_note',
    amount: total,
    amount_shipping: 0,
    created: unixSeconds(engine.clock),
    currency: record.currency,
    customer: record.customerId,
    customer_account: null,
    customer_balance_transaction: null,
    discount_amount: 0,
    discount_amounts: [],
    effective_at: null,
    invoice: record.id,
    lines: { object: 'list', data: lines, has_more: false, url: '/v1/credit_notes/lines' },
    livemode: false,
    memo: params.string('memo') ?? null,
    metadata: mergeMetadata({}, params.metadata()),
    number: creditNoteNumber(data, record),
    out_of_band_amount: outOfBand || null,
    pdf: `${engine.origin}/standin/credit_notes/none.pdf`,
    post_payment_amount: postPayment,
    pre_payment_amount: prePayment,
    pretax_credit_amounts: [],
    reason:
      params.oneOf('reason', [
        'duplicate',
        'fraudulent',
        'order_change',
        'product_unsatisfactory',
      ]) ?? null,
    refunds: [],
    shipping_cost: null,
    status: 'issued',
    subtotal: lines.length > 0 ? totals.subtotal : total,
    subtotal_excluding_tax: lines.length > 0 ? totals.subtotal - totals.inclusiveTax : total,
    total,
    total_excluding_tax:
      lines.length > 0 ? total - totals.exclusiveTax - totals.inclusiveTax : total,
    total_taxes: totals.totalTaxes,
    type: prePayment === 0 ? 'post_payment' : postPayment === 0 ? 'pre_payment' : 'mixed',
    voided_at: null,
  };
  for (const line of lines) {
    if (line.invoice_line_item) {
      const credited = data.creditedPerLine.get(line.invoice_line_item) ?? 0;
      data.creditedPerLine.set(line.invoice_line_item, credited + line.amount);
    }
  }
  record.prePaymentCredit += prePayment;
  record.postPaymentCredit += postPayment;
  data.creditNotes.set(creditNote.id, creditNote);
  engine.emit(accountId, 'credit_note.created', creditNote, trace);
  engine.emit(accountId, 'invoice.updated', presentInvoice(engine, accountId, data, record), trace);
  settleIfCredited(context, record);
  return creditNote;
}

/** Stripe numbers credit notes after their invoice: `ABCD1234-0001-CN-01`. */
function creditNoteNumber(data: AccountData, record: InvoiceRecord): string {
  const earlier = [...data.creditNotes.values()].filter((c) => c.invoice === record.id).length;
  return `${record.number ?? record.id}-CN-${String(earlier + 1).padStart(2, '0')}`;
}

function retrieveCreditNote({ data, ids }: RequestContext) {
  return find(data.creditNotes, 'credit note', ids[0] ?? '');
}

/**
 * Credit notes, newest first, of one invoice when `invoice` is given
 * (docs.stripe.com/api/credit_notes/list). Unlike search, a list sees an object at once.
 */
function listCreditNotes({ data, params }: RequestContext): Stripe.ApiList<Stripe.CreditNote> {
  params.allowOnly(['invoice', 'customer', 'limit']);
  const invoice = params.string('invoice');
  const customer = params.string('customer');
  const limit = readListLimit(params);
  const matches = [...data.creditNotes.values()]
    .filter(
      (c) =>
        (invoice === undefined || c.invoice === invoice) &&
        (customer === undefined || c.customer === customer),
    )
    .reverse();
  return {
    object: 'list',
    data: matches.slice(0, limit),
    has_more: matches.length > limit,
    url: '/v1/credit_notes',
  };
}

export const creditNoteRoutes: Route[] = [
  { method: 'POST', path: '/v1/credit_notes', handle: createCreditNote },
  { method: 'GET', path: '/v1/credit_notes', handle: listCreditNotes },
  { method: 'GET', path: '/v1/credit_notes/:id', handle: retrieveCreditNote },
];
