import type Stripe from 'stripe';

import type { AccountData, Engine, InvoiceRecord } from './state.server';
import { lineTaxes, sumTaxedLines, type TaxedTotals } from './taxes.server';

/**
 * How many lines the invoice object carries (its `lines` list); Stripe serves the rest from
 * `GET /v1/invoices/:id/lines` (docs.stripe.com/api/invoices/object, `lines`).
 */
export const EMBEDDED_LINES = 10;

export function invoiceLinesUrl(invoiceId: string): string {
  return `/v1/invoices/${invoiceId}/lines`;
}

/** All line items of an invoice, built from its invoice items, in the order they were added. */
export function invoiceLines(data: AccountData, record: InvoiceRecord): Stripe.InvoiceLineItem[] {
  const defaultRates = record.defaultTaxRateIds.flatMap((id) => data.taxRates.get(id) ?? []);
  return record.lines.flatMap(({ itemId, lineId }) => {
    const item = data.invoiceItems.get(itemId);
    if (!item) return [];
    // An item's own tax rates win; the invoice's default rates cover items without any.
    const rates = item.tax_rates && item.tax_rates.length > 0 ? item.tax_rates : defaultRates;
    return [
      {
        id: lineId,
        object: 'line_item',
        amount: item.amount,
        currency: item.currency,
        description: item.description,
        discount_amounts: [],
        discountable: item.discountable,
        discounts: [],
        invoice: record.id,
        livemode: false,
        metadata: item.metadata ?? {},
        parent: {
          type: 'invoice_item_details',
          invoice_item_details: {
            invoice_item: item.id,
            proration: false,
            proration_details: { credited_items: null },
            subscription: null,
          },
          subscription_item_details: null,
        },
        period: item.period,
        pretax_credit_amounts: [],
        pricing: {
          type: 'price_details',
          unit_amount_decimal: item.pricing?.unit_amount_decimal ?? null,
        },
        quantity: item.quantity,
        quantity_decimal: item.quantity_decimal,
        subscription: null,
        subtotal: item.amount,
        taxes: lineTaxes(item.amount, rates),
      },
    ];
  });
}

export interface InvoiceAmounts extends TaxedTotals {
  amountDue: number;
  amountRemaining: number;
}

/**
 * The invoice's money: totals from all its lines, not only the ones the invoice object
 * carries; a credit note issued while the invoice was open lowers what is due (its
 * pre-payment part), and payments lower what remains.
 */
export function invoiceAmounts(data: AccountData, record: InvoiceRecord): InvoiceAmounts {
  const totals = sumTaxedLines(invoiceLines(data, record));
  const amountDue = Math.max(0, totals.total - record.prePaymentCredit);
  const amountRemaining = record.status === 'void' ? 0 : Math.max(0, amountDue - record.amountPaid);
  return { ...totals, amountDue, amountRemaining };
}

export function hostedInvoiceUrl(engine: Engine, accountId: string | null, id: string): string {
  const owner = encodeURIComponent(accountId ?? engine.platform.account.id);
  return `${engine.origin}/standin/invoices/${owner}/${encodeURIComponent(id)}`;
}

/** The invoice as Stripe's API returns it, every field of the SDK's `Invoice` type filled. */
export function presentInvoice(
  engine: Engine,
  accountId: string | null,
  data: AccountData,
  record: InvoiceRecord,
): Stripe.Invoice {
  const lines = invoiceLines(data, record);
  const amounts = invoiceAmounts(data, record);
  const customer = record.customerAtFinalization ?? data.customers.get(record.customerId);
  const finalized = record.status !== 'draft';
  const owner = accountId ? engine.connected.get(accountId)?.account : engine.platform.account;
  return {
    id: record.id,
    object: 'invoice',
    account_country: owner?.country ?? 'FI',
    account_name: owner?.business_profile?.name ?? null,
    account_tax_ids: null,
    amount_due: amounts.amountDue,
    amount_overpaid: 0,
    amount_paid: record.amountPaid,
    amount_paid_off_stripe: record.paidOutOfBand ? record.amountPaid : 0,
    amount_remaining: amounts.amountRemaining,
    amount_shipping: 0,
    // Direct charges made by a Connect platform name its application on the invoice.
    application: accountId ? 'ca_standin_platform' : null,
    attempt_count: record.attemptCount,
    attempted: record.attemptCount > 0,
    auto_advance: record.autoAdvance,
    automatic_tax: {
      disabled_reason: null,
      enabled: false,
      liability: null,
      provider: null,
      status: null,
    },
    automatically_finalizes_at: null,
    billing_reason: 'manual',
    collection_method: record.collectionMethod,
    created: record.created,
    currency: record.currency,
    custom_fields: record.customFields,
    customer: record.customerId,
    customer_account: null,
    customer_address: customer?.address ?? null,
    customer_email: customer?.email ?? null,
    customer_name: customer?.name ?? null,
    customer_phone: customer?.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: customer?.tax_exempt ?? 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: record.defaultTaxRateIds.flatMap((id) => data.taxRates.get(id) ?? []),
    description: record.description,
    discounts: [],
    due_date: record.dueDate,
    effective_at: record.transitions.finalized_at,
    ending_balance: finalized ? 0 : null,
    footer: record.footer,
    from_invoice: null,
    hosted_invoice_url: finalized ? hostedInvoiceUrl(engine, accountId, record.id) : null,
    // The stand-in renders no PDFs.
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: {
      object: 'list',
      data: lines.slice(0, EMBEDDED_LINES),
      has_more: lines.length > EMBEDDED_LINES,
      url: invoiceLinesUrl(record.id),
    },
    livemode: false,
    metadata: record.metadata,
    next_payment_attempt: null,
    number: record.number,
    on_behalf_of: null,
    parent: null,
    payment_settings: {
      default_mandate: null,
      payment_method_options: null,
      payment_method_types: null,
    },
    period_end: record.created,
    period_start: record.created,
    post_payment_credit_notes_amount: record.postPaymentCredit,
    pre_payment_credit_notes_amount: record.prePaymentCredit,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: record.status,
    status_transitions: { ...record.transitions },
    subtotal: amounts.subtotal,
    subtotal_excluding_tax: amounts.subtotal - amounts.inclusiveTax,
    test_clock: null,
    total: amounts.total,
    total_discount_amounts: [],
    total_excluding_tax: amounts.total - amounts.exclusiveTax - amounts.inclusiveTax,
    total_pretax_credit_amounts: [],
    total_taxes: amounts.totalTaxes,
    webhooks_delivered_at: null,
  };
}
