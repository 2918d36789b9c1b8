import type Stripe from 'stripe';

import { newId, newInvoicePrefix, unixSeconds } from './clock.server';
import { invalidParam, missingParam } from './errors.server';
import { mergeMetadata, type Params } from './form.server';
import { readCustomFields } from './limits.server';
import type { RequestContext, Route } from './route.server';
import { find } from './state.server';

const CUSTOMER_FIELDS = [
  'name',
  'email',
  'phone',
  'description',
  'address',
  'metadata',
  'preferred_locales',
  'invoice_prefix',
  'invoice_settings',
  'tax_exempt',
] as const;

const ADDRESS_FIELDS = ['line1', 'line2', 'postal_code', 'city', 'state', 'country'] as const;

function readAddress(params: Params): Stripe.Address | null | undefined {
  const hash = params.object('address');
  if (hash === null || hash === undefined) return hash;
  hash.allowOnly(ADDRESS_FIELDS);
  return {
    line1: hash.string('line1') ?? null,
    line2: hash.string('line2') ?? null,
    postal_code: hash.string('postal_code') ?? null,
    city: hash.string('city') ?? null,
    state: hash.string('state') ?? null,
    country: hash.string('country') ?? null,
  };
}

function readInvoicePrefix(params: Params): string | undefined {
  const prefix = params.string('invoice_prefix');
  // Stripe: 3–12 upper-case letters or digits.
  if (prefix !== undefined && !/^[A-Z0-9]{3,12}$/.test(prefix)) {
    throw invalidParam('invoice_prefix', `Invalid invoice_prefix: ${prefix}`);
  }
  return prefix;
}

/** Applies create or update parameters to a customer (absent parameters change nothing). */
function applyCustomerParams(customer: Stripe.Customer, params: Params): void {
  params.allowOnly(CUSTOMER_FIELDS);
  const text = (key: 'name' | 'email' | 'phone' | 'description') => {
    const value = params.string(key);
    if (value !== undefined) customer[key] = value === '' ? null : value;
  };
  text('name');
  text('email');
  text('phone');
  text('description');
  const address = readAddress(params);
  if (address !== undefined) customer.address = address;
  customer.metadata = mergeMetadata(customer.metadata, params.metadata());
  const locales = params.stringList('preferred_locales');
  if (locales !== undefined) customer.preferred_locales = locales;
  const prefix = readInvoicePrefix(params);
  if (prefix !== undefined) customer.invoice_prefix = prefix;
  const taxExempt = params.oneOf('tax_exempt', ['none', 'exempt', 'reverse']);
  if (taxExempt !== undefined) customer.tax_exempt = taxExempt;
  const settings = params.object('invoice_settings');
  if (settings) {
    settings.allowOnly(['custom_fields', 'footer']);
    const customFields = readCustomFields(settings);
    if (customFields !== undefined) customer.invoice_settings.custom_fields = customFields;
    const footer = settings.string('footer');
    if (footer !== undefined) customer.invoice_settings.footer = footer === '' ? null : footer;
  }
}

function createCustomer({ engine, data, params, accountId, trace }: RequestContext) {
  const customer: Stripe.Customer = {
    id: newId('cus'),
    object: 'customer',
    address: null,
    balance: 0,
    created: unixSeconds(engine.clock),
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    email: null,
    invoice_prefix: newInvoicePrefix(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: {},
    name: null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
  applyCustomerParams(customer, params);
  data.customers.set(customer.id, customer);
  engine.emit(accountId, 'customer.created', customer, trace);
  return customer;
}

function retrieveCustomer({ data, ids }: RequestContext) {
  return find(data.customers, 'customer', ids[0] ?? '');
}

function updateCustomer({ engine, data, params, ids, accountId, trace }: RequestContext) {
  const customer = find(data.customers, 'customer', ids[0] ?? '');
  applyCustomerParams(customer, params);
  engine.emit(accountId, 'customer.updated', customer, trace);
  return customer;
}

/** A tax rate's percentage: up to four decimals, between 0 and 100 (Stripe's limits). */
function readPercentage(params: Params): number {
  const raw = params.requiredString('percentage');
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(raw) || Number(raw) > 100) {
    throw invalidParam('percentage', `Invalid percentage: ${raw}`);
  }
  return Number(raw);
}

function createTaxRate({ engine, data, params, accountId, trace }: RequestContext) {
  params.allowOnly([
    'display_name',
    'percentage',
    'inclusive',
    'active',
    'country',
    'description',
    'jurisdiction',
    'metadata',
    'tax_type',
  ]);
  const inclusive = params.boolean('inclusive');
  if (inclusive === undefined) throw missingParam('inclusive');
  const percentage = readPercentage(params);
  const taxRate: Stripe.TaxRate = {
    id: newId('txr'),
    object: 'tax_rate',
    active: params.boolean('active') ?? true,
    country: params.string('country') ?? null,
    created: unixSeconds(engine.clock),
    description: params.string('description') ?? null,
    display_name: params.requiredString('display_name'),
    effective_percentage: percentage,
    flat_amount: null,
    inclusive,
    jurisdiction: params.string('jurisdiction') ?? null,
    jurisdiction_level: null,
    livemode: false,
    metadata: mergeMetadata({}, params.metadata()),
    percentage,
    rate_type: 'percentage',
    state: null,
    tax_type: params.oneOf('tax_type', ['vat', 'sales_tax', 'gst']) ?? null,
  };
  data.taxRates.set(taxRate.id, taxRate);
  engine.emit(accountId, 'tax_rate.created', taxRate, trace);
  return taxRate;
}

function retrieveTaxRate({ data, ids }: RequestContext) {
  return find(data.taxRates, 'tax rate', ids[0] ?? '');
}

export const customerRoutes: Route[] = [
  { method: 'POST', path: '/v1/customers', handle: createCustomer },
  { method: 'GET', path: '/v1/customers/:id', handle: retrieveCustomer },
  { method: 'POST', path: '/v1/customers/:id', handle: updateCustomer },
  { method: 'POST', path: '/v1/tax_rates', handle: createTaxRate },
  { method: 'GET', path: '/v1/tax_rates/:id', handle: retrieveTaxRate },
];
