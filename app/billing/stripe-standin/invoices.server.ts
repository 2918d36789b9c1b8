import type Stripe from 'stripe';

import { newId, unixSeconds } from './clock.server';
import { illegalTransition, invalidParam, missingParam, noSuch } from './errors.server';
import { mergeMetadata, type Params } from './form.server';
import { attachItem, readTaxRates } from './invoice-items.server';
import { invoiceLines, invoiceLinesUrl, presentInvoice } from './invoice-view.server';
import { readCurrency, readCustomFields, readListLimit } from './limits.server';
import type { RequestContext, Route } from './route.server';
import { type AccountData, find, type InvoiceRecord } from './state.server';

/** Stripe's default payment term when neither `days_until_due` nor `due_date` is given. */
const DEFAULT_DAYS_UNTIL_DUE = 30;
const DAY_S = 86_400;

function readDueDate(params: Params, collectionMethod: string, created: number): number | null {
  const days = params.nonNegativeInteger('days_until_due');
  const dueDate = params.integer('due_date');
  if (collectionMethod !== 'send_invoice') {
    for (const [key, value] of [
      ['days_until_due', days],
      ['due_date', dueDate],
    ] as const) {
      if (value !== undefined) {
        throw invalidParam(
          key,
          `You can only set \`${key}\` if the invoice's collection_method is \`send_invoice\`.`,
        );
      }
    }
    return null;
  }
  if (days !== undefined && dueDate !== undefined) {
    throw invalidParam(
      'due_date',
      'You may only specify one of these parameters: days_until_due, due_date.',
      'parameters_exclusive',
    );
  }
  if (dueDate !== undefined) return dueDate;
  return created + (days ?? DEFAULT_DAYS_UNTIL_DUE) * DAY_S;
}

/** A customer's invoice settings apply unless the invoice sets its own (`''` sets none). */
function inheritUnlessGiven<T>(given: T | null | undefined, inherited: T | null): T | null {
  return given === undefined ? inherited : given;
}

function emptyAsNull(value: string | undefined): string | null | undefined {
  return value === '' ? null : value;
}

/** Stripe requires invoice numbers to be unique within an account. */
export function assertNumberFree(data: AccountData, number: string, except?: string): void {
  for (const other of data.invoices.values()) {
    if (other.number === number && other.id !== except) {
      throw invalidParam('number', `An invoice with number ${number} already exists.`);
    }
  }
}

function createInvoice(context: RequestContext): Stripe.Invoice {
  const { engine, data, params, accountId, trace } = context;
  params.allowOnly([
    'customer',
    'collection_method',
    'days_until_due',
    'due_date',
    'custom_fields',
    'footer',
    'description',
    'metadata',
    'number',
    'auto_advance',
    'pending_invoice_items_behavior',
    'currency',
    'default_tax_rates',
  ]);
  const customerId = params.requiredString('customer');
  const customer = find(data.customers, 'customer', customerId, 'customer');
  const collectionMethod =
    params.oneOf('collection_method', ['charge_automatically', 'send_invoice']) ??
    'charge_automatically';
  const created = unixSeconds(engine.clock);
  const number = params.string('number');
  if (number !== undefined) assertNumberFree(data, number);
  const record: InvoiceRecord = {
    id: newId('in'),
    created,
    customerId,
    status: 'draft',
    collectionMethod,
    dueDate: readDueDate(params, collectionMethod, created),
    customFields: inheritUnlessGiven(
      readCustomFields(params),
      customer.invoice_settings.custom_fields,
    ),
    footer: inheritUnlessGiven(
      emptyAsNull(params.string('footer')),
      customer.invoice_settings.footer,
    ),
    description: params.string('description') ?? null,
    metadata: mergeMetadata({}, params.metadata()),
    number: number ?? null,
    // Invoices made through the API do not advance by themselves unless asked to.
    autoAdvance: params.boolean('auto_advance') ?? false,
    currency: readCurrency(params, 'eur'),
    defaultTaxRateIds: (readTaxRates(data, params, 'default_tax_rates') ?? []).map((r) => r.id),
    lines: [],
    transitions: {
      finalized_at: null,
      marked_uncollectible_at: null,
      paid_at: null,
      voided_at: null,
    },
    amountPaid: 0,
    paidOutOfBand: false,
    prePaymentCredit: 0,
    postPaymentCredit: 0,
    attemptCount: 0,
    customerAtFinalization: null,
    createdAtMs: engine.clock.now(),
  };
  // Pending items of the customer join the invoice only when asked (the default is exclude).
  if (params.oneOf('pending_invoice_items_behavior', ['exclude', 'include']) === 'include') {
    for (const item of data.invoiceItems.values()) {
      if (item.customer === customerId && item.invoice === null) attachItem(record, item);
    }
  }
  data.invoices.set(record.id, record);
  const invoice = presentInvoice(engine, accountId, data, record);
  engine.emit(accountId, 'invoice.created', invoice, trace);
  return invoice;
}

function retrieveInvoice({ engine, data, ids, accountId }: RequestContext): Stripe.Invoice {
  const record = find(data.invoices, 'invoice', ids[0] ?? '');
  return presentInvoice(engine, accountId, data, record);
}

/** Newest first, as Stripe lists; `limit` (1–100, default 10) and `starting_after`. */
function listInvoices({ engine, data, params, accountId }: RequestContext) {
  params.allowOnly(['customer', 'status', 'limit', 'starting_after']);
  const customer = params.string('customer');
  const status = params.oneOf('status', ['draft', 'open', 'paid', 'uncollectible', 'void']);
  const limit = readListLimit(params);
  let records = [...data.invoices.values()]
    .filter(
      (r) =>
        (customer === undefined || r.customerId === customer) && (!status || r.status === status),
    )
    .reverse();
  const after = params.string('starting_after');
  if (after !== undefined) {
    const position = records.findIndex((r) => r.id === after);
    if (position === -1) find(data.invoices, 'invoice', after, 'starting_after');
    records = records.slice(position + 1);
  }
  const page = records.slice(0, limit);
  return {
    object: 'list',
    data: page.map((r) => presentInvoice(engine, accountId, data, r)),
    has_more: records.length > page.length,
    url: '/v1/invoices',
  } satisfies Stripe.ApiList<Stripe.Invoice>;
}

/**
 * An invoice's line items in the invoice's own order, the page after `starting_after`
 * (docs.stripe.com/api/invoices/invoice_lines): the invoice object carries only the first
 * ten, so a reader of a longer invoice pages through here.
 */
function listInvoiceLines({ data, params, ids }: RequestContext) {
  params.allowOnly(['limit', 'starting_after']);
  const record = find(data.invoices, 'invoice', ids[0] ?? '');
  const limit = readListLimit(params);
  let lines = invoiceLines(data, record);
  const after = params.string('starting_after');
  if (after !== undefined) {
    const position = lines.findIndex((line) => line.id === after);
    if (position === -1) throw noSuch('invoice line item', after, 'starting_after');
    lines = lines.slice(position + 1);
  }
  return {
    object: 'list',
    data: lines.slice(0, limit),
    has_more: lines.length > limit,
    url: invoiceLinesUrl(record.id),
  } satisfies Stripe.ApiList<Stripe.InvoiceLineItem>;
}

/**
 * A small part of Stripe's search query language (docs.stripe.com/search): clauses
 * `field:'value'` joined by AND, for `metadata['key']`, `customer`, `status`, `number`.
 */
function searchInvoices({ engine, data, params, accountId }: RequestContext) {
  params.allowOnly(['query', 'limit', 'page']);
  const query = params.string('query');
  if (query === undefined) throw missingParam('query');
  const clauses = query.split(/\s+AND\s+/).map(parseClause);
  const visibleBefore = engine.clock.now() - engine.searchLagMs;
  const matches = [...data.invoices.values()]
    .filter((r) => r.createdAtMs <= visibleBefore)
    .filter((r) => clauses.every((clause) => clause.matches(r)))
    .reverse();
  const limit = readListLimit(params);
  return {
    object: 'search_result',
    data: matches.slice(0, limit).map((r) => presentInvoice(engine, accountId, data, r)),
    has_more: matches.length > limit,
    next_page: null,
    url: '/v1/invoices/search',
  } satisfies Stripe.ApiSearchResult<Stripe.Invoice>;
}

function parseClause(clause: string): { matches(record: InvoiceRecord): boolean } {
  const match = /^(metadata\[(['"])(.+?)\2\]|customer|status|number):(['"])(.*)\4$/.exec(
    clause.trim(),
  );
  if (!match) {
    throw invalidParam(
      'query',
      `The stand-in cannot read this search clause: ${clause}. It understands ` +
        "metadata['key']:'value', customer:'…', status:'…' and number:'…' joined by AND.",
    );
  }
  const [, field = '', , metadataKey, , value = ''] = match;
  if (metadataKey !== undefined) return { matches: (r) => r.metadata[metadataKey] === value };
  if (field === 'customer') return { matches: (r) => r.customerId === value };
  if (field === 'status') return { matches: (r) => r.status === value };
  return { matches: (r) => r.number === value };
}

function deleteInvoice({ engine, data, ids, accountId, trace }: RequestContext) {
  const record = find(data.invoices, 'invoice', ids[0] ?? '');
  if (record.status !== 'draft') {
    throw illegalTransition(
      `You can only delete draft invoices. Invoice ${record.id} is ${record.status}; void it instead.`,
    );
  }
  const snapshot = presentInvoice(engine, accountId, data, record);
  for (const { itemId } of record.lines) data.invoiceItems.delete(itemId);
  data.invoices.delete(record.id);
  engine.emit(accountId, 'invoice.deleted', snapshot, trace);
  return { id: record.id, object: 'invoice', deleted: true } satisfies Stripe.DeletedInvoice;
}

export const invoiceRoutes: Route[] = [
  { method: 'POST', path: '/v1/invoices', handle: createInvoice },
  { method: 'GET', path: '/v1/invoices', handle: listInvoices },
  { method: 'GET', path: '/v1/invoices/search', handle: searchInvoices },
  { method: 'GET', path: '/v1/invoices/:id', handle: retrieveInvoice },
  { method: 'GET', path: '/v1/invoices/:id/lines', handle: listInvoiceLines },
  { method: 'DELETE', path: '/v1/invoices/:id', handle: deleteInvoice },
];
