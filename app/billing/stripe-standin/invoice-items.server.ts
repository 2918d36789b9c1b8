import Stripe from 'stripe';

import { newId, unixSeconds } from './clock.server';
import { illegalTransition, invalidParam, missingParam } from './errors.server';
import { mergeMetadata, type Params } from './form.server';
import { readCurrency } from './limits.server';
import type { RequestContext, Route } from './route.server';
import { type AccountData, find, type InvoiceRecord } from './state.server';
import { roundedQuotient } from './taxes.server';

const DECIMAL_SCALE = 10n ** 12n;

/** A decimal string (at most 12 decimals, as Stripe allows) as an integer of 10⁻¹² units. */
function scaledDecimal(value: string): bigint {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = value.replace('-', '').split('.');
  const scaled = BigInt(whole) * DECIMAL_SCALE + BigInt(fraction.padEnd(12, '0'));
  return negative ? -scaled : scaled;
}

/**
 * The amount of a one-off item: either `amount` (integer cents, the whole line) or
 * `unit_amount_decimal` × `quantity`, rounded to a whole cent. These are the one-off forms
 * of the 2026 API; `price_data` needs a Product and `pricing` a Price, neither of which the
 * stand-in keeps.
 */
function readAmount(params: Params): { amount: number; quantity: number; unitDecimal: string } {
  const amount = params.integer('amount');
  const unitDecimal = params.decimal('unit_amount_decimal');
  const quantity = params.nonNegativeInteger('quantity');
  if (amount !== undefined && unitDecimal !== undefined) {
    throw invalidParam(
      'unit_amount_decimal',
      'You may only specify one of these parameters: amount, unit_amount_decimal.',
      'parameters_exclusive',
    );
  }
  if (amount !== undefined) {
    if (quantity !== undefined && quantity !== 1) {
      throw invalidParam(
        'quantity',
        'When `amount` is given, `quantity` must be 1; use `unit_amount_decimal` for a unit price.',
      );
    }
    return { amount, quantity: 1, unitDecimal: String(amount) };
  }
  if (unitDecimal === undefined) throw missingParam('amount');
  const units = quantity ?? 1;
  const amountOfUnits = roundedQuotient(scaledDecimal(unitDecimal) * BigInt(units), DECIMAL_SCALE);
  return { amount: amountOfUnits, quantity: units, unitDecimal };
}

function readPeriod(params: Params, date: number): Stripe.InvoiceItem.Period {
  const period = params.object('period');
  if (!period) return { start: date, end: date };
  period.allowOnly(['start', 'end']);
  const start = period.integer('start');
  const end = period.integer('end');
  if (start === undefined) throw missingParam('period[start]');
  if (end === undefined) throw missingParam('period[end]');
  if (end < start) throw invalidParam('period[end]', 'The period must end after it starts.');
  return { start, end };
}

export function readTaxRates(
  data: AccountData,
  params: Params,
  key: string,
): Stripe.TaxRate[] | undefined {
  return params
    .stringList(key)
    ?.map((id, index) => find(data.taxRates, 'tax rate', id, `${params.name(key)}[${index}]`));
}

/** Attaches an item to a draft invoice as its next line. */
export function attachItem(invoice: InvoiceRecord, item: Stripe.InvoiceItem): void {
  item.invoice = invoice.id;
  invoice.lines.push({ itemId: item.id, lineId: newId('il') });
}

function createInvoiceItem({ engine, data, params, accountId, trace }: RequestContext) {
  params.allowOnly([
    'customer',
    'invoice',
    'amount',
    'unit_amount_decimal',
    'quantity',
    'currency',
    'description',
    'metadata',
    'period',
    'tax_rates',
    'discountable',
  ]);
  const customerId = params.requiredString('customer');
  find(data.customers, 'customer', customerId, 'customer');
  const invoiceId = params.string('invoice');
  const invoice =
    invoiceId === undefined ? undefined : find(data.invoices, 'invoice', invoiceId, 'invoice');
  if (invoice && invoice.customerId !== customerId) {
    throw invalidParam('invoice', `Invoice ${invoice.id} belongs to another customer.`);
  }
  const { amount, quantity, unitDecimal } = readAmount(params);
  const date = unixSeconds(engine.clock);
  const item: Stripe.InvoiceItem = {
    id: newId('ii'),
    object: 'invoiceitem',
    amount,
    currency: readCurrency(params, invoice?.currency ?? 'eur'),
    customer: customerId,
    customer_account: null,
    date,
    description: params.string('description') ?? null,
    discountable: params.boolean('discountable') ?? true,
    discounts: [],
    invoice: null,
    livemode: false,
    metadata: mergeMetadata({}, params.metadata()),
    parent: null,
    period: readPeriod(params, date),
    pricing: { type: 'price_details', unit_amount_decimal: Stripe.Decimal.from(unitDecimal) },
    proration: false,
    quantity,
    quantity_decimal: Stripe.Decimal.from(quantity),
    tax_rates: readTaxRates(data, params, 'tax_rates') ?? [],
    test_clock: null,
  };
  if (invoice) {
    if (invoice.status !== 'draft') {
      throw illegalTransition(
        `You can only add invoice items to draft invoices; invoice ${invoice.id} is ${invoice.status}.`,
        'invoice_not_editable',
      );
    }
    attachItem(invoice, item);
  }
  data.invoiceItems.set(item.id, item);
  engine.emit(accountId, 'invoiceitem.created', item, trace);
  return item;
}

function retrieveInvoiceItem({ data, ids }: RequestContext) {
  return find(data.invoiceItems, 'invoiceitem', ids[0] ?? '');
}

export const invoiceItemRoutes: Route[] = [
  { method: 'POST', path: '/v1/invoiceitems', handle: createInvoiceItem },
  { method: 'GET', path: '/v1/invoiceitems/:id', handle: retrieveInvoiceItem },
];
