import type Stripe from 'stripe';

import { unixSeconds } from './clock.server';
import { illegalTransition, invalidParam } from './errors.server';
import { invoiceAmounts, presentInvoice } from './invoice-view.server';
import { assertNumberFree } from './invoices.server';
import type { RequestContext, Route } from './route.server';
import {
  type AccountData,
  dataOf,
  type Engine,
  find,
  type InvoiceRecord,
  type InvoiceStatus,
  type RequestTrace,
} from './state.server';

/**
 * The invoice state machine of docs.stripe.com/invoicing/overview#invoice-lifecycle:
 * draft → open (finalize); open → paid | void | uncollectible; uncollectible → paid | void.
 * Paid and void are final.
 */
function requireStatus(
  record: InvoiceRecord,
  allowed: readonly InvoiceStatus[],
  action: string,
): void {
  if (!allowed.includes(record.status)) {
    throw illegalTransition(
      `You can only ${action} an invoice whose status is ${allowed.join(' or ')}; ` +
        `invoice ${record.id} is ${record.status}.`,
    );
  }
}

interface Acting {
  engine: Engine;
  accountId: string | null;
  data: AccountData;
  trace: RequestTrace | null;
}

/** The event types whose object is an invoice. */
type InvoiceEventType = Extract<Stripe.Event, { data: { object: Stripe.Invoice } }>['type'];

function emitInvoice(acting: Acting, record: InvoiceRecord, type: InvoiceEventType) {
  const invoice = presentInvoice(acting.engine, acting.accountId, acting.data, record);
  acting.engine.emit(acting.accountId, type, invoice, acting.trace);
  return invoice;
}

/**
 * How an invoice came to be paid: a payment through Stripe (the hosted page), one recorded
 * as made outside Stripe, or nothing left to pay (a zero total, or credited in full).
 */
type Settlement = 'through_stripe' | 'out_of_band' | 'nothing_due';

/** Marks the rest of an invoice paid; Stripe sends `invoice.paid` for every way of paying. */
function settle(acting: Acting, record: InvoiceRecord, how: Settlement): void {
  record.amountPaid += invoiceAmounts(acting.data, record).amountRemaining;
  record.paidOutOfBand = how === 'out_of_band';
  record.status = 'paid';
  record.transitions.paid_at = unixSeconds(acting.engine.clock);
  if (how === 'through_stripe') emitInvoice(acting, record, 'invoice.payment_succeeded');
  emitInvoice(acting, record, 'invoice.paid');
}

function nextNumber(data: AccountData, record: InvoiceRecord): string {
  const customer = find(data.customers, 'customer', record.customerId, 'customer');
  const sequence = customer.next_invoice_sequence ?? 1;
  customer.next_invoice_sequence = sequence + 1;
  return `${customer.invoice_prefix ?? 'STANDIN'}-${String(sequence).padStart(4, '0')}`;
}

function finalize(context: RequestContext): Stripe.Invoice {
  const { data, ids, params, engine } = context;
  params.allowOnly(['auto_advance']);
  const record = find(data.invoices, 'invoice', ids[0] ?? '');
  requireStatus(record, ['draft'], 'finalize');
  const autoAdvance = params.boolean('auto_advance');
  if (autoAdvance !== undefined) record.autoAdvance = autoAdvance;
  if (record.number === null) {
    const number = nextNumber(data, record);
    assertNumberFree(data, number);
    record.number = number;
  }
  record.status = 'open';
  record.transitions.finalized_at = unixSeconds(engine.clock);
  const customer = data.customers.get(record.customerId);
  record.customerAtFinalization = customer ? structuredClone(customer) : null;
  emitInvoice(context, record, 'invoice.finalized');
  // A zero-total invoice has nothing to collect: Stripe marks it paid on finalisation.
  if (invoiceAmounts(data, record).amountDue === 0) settle(context, record, 'nothing_due');
  return presentInvoice(engine, context.accountId, data, record);
}

function send(context: RequestContext): Stripe.Invoice {
  const { data, ids, params } = context;
  params.allowOnly([]);
  const record = find(data.invoices, 'invoice', ids[0] ?? '');
  if (record.collectionMethod !== 'send_invoice') {
    throw illegalTransition(
      "You can only manually send an invoice if its collection method is 'send_invoice'.",
    );
  }
  // A paid invoice may be sent again (as a receipt); a draft must be finalised first.
  requireStatus(record, ['open', 'paid'], 'send');
  return emitInvoice(context, record, 'invoice.sent');
}

function pay(context: RequestContext): Stripe.Invoice {
  const { data, ids, params } = context;
  params.allowOnly(['paid_out_of_band']);
  const record = find(data.invoices, 'invoice', ids[0] ?? '');
  requireStatus(record, ['open', 'uncollectible'], 'pay');
  if (params.boolean('paid_out_of_band') !== true) {
    // The stand-in keeps no payment methods, so only a payment outside Stripe can be recorded.
    throw invalidParam(
      'paid_out_of_band',
      'This customer has no attached payment source or default payment method. ' +
        'Pass paid_out_of_band=true to record a payment made outside Stripe.',
    );
  }
  settle(context, record, 'out_of_band');
  return presentInvoice(context.engine, context.accountId, data, record);
}

function voidInvoice(context: RequestContext): Stripe.Invoice {
  const { data, ids, params, engine } = context;
  params.allowOnly([]);
  const record = find(data.invoices, 'invoice', ids[0] ?? '');
  requireStatus(record, ['open', 'uncollectible'], 'void');
  record.status = 'void';
  record.transitions.voided_at = unixSeconds(engine.clock);
  return emitInvoice(context, record, 'invoice.voided');
}

function markUncollectible(context: RequestContext): Stripe.Invoice {
  const { data, ids, params, engine } = context;
  params.allowOnly([]);
  const record = find(data.invoices, 'invoice', ids[0] ?? '');
  requireStatus(record, ['open'], 'mark uncollectible');
  record.status = 'uncollectible';
  record.transitions.marked_uncollectible_at = unixSeconds(engine.clock);
  return emitInvoice(context, record, 'invoice.marked_uncollectible');
}

/** The customer pays on the hosted invoice page (or a test says they did). */
export function payOnHostedPage(engine: Engine, accountId: string | null, invoiceId: string) {
  const acting = { engine, accountId, data: dataOf(engine, accountId), trace: null };
  const record = find(acting.data.invoices, 'invoice', invoiceId);
  requireStatus(record, ['open', 'uncollectible'], 'pay');
  settle(acting, record, 'through_stripe');
  return presentInvoice(engine, accountId, acting.data, record);
}

/** A collection attempt fails: the invoice stays open and `invoice.payment_failed` goes out. */
export function failPayment(engine: Engine, accountId: string | null, invoiceId: string) {
  const acting = { engine, accountId, data: dataOf(engine, accountId), trace: null };
  const record = find(acting.data.invoices, 'invoice', invoiceId);
  requireStatus(record, ['open'], 'attempt payment on');
  record.attemptCount += 1;
  return emitInvoice(acting, record, 'invoice.payment_failed');
}

/** Credit notes settle an open invoice whose remaining amount they bring to zero. */
export function settleIfCredited(acting: Acting, record: InvoiceRecord): void {
  if (record.status === 'open' && invoiceAmounts(acting.data, record).amountRemaining === 0) {
    settle(acting, record, 'nothing_due');
  }
}

export const invoiceLifecycleRoutes: Route[] = [
  { method: 'POST', path: '/v1/invoices/:id/finalize', handle: finalize },
  { method: 'POST', path: '/v1/invoices/:id/send', handle: send },
  { method: 'POST', path: '/v1/invoices/:id/pay', handle: pay },
  { method: 'POST', path: '/v1/invoices/:id/void', handle: voidInvoice },
  { method: 'POST', path: '/v1/invoices/:id/mark_uncollectible', handle: markUncollectible },
];
