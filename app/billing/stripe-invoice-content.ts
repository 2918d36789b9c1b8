/**
 * What our invoice says on Stripe's invoice (ADR 017 point 5, ADR 018): the custom fields,
 * the footer, the buyer as a Stripe customer and each line's service period. The texts are
 * Finnish because the invoice is a Finnish document, whatever language the owner's screen
 * shows; they are fixed labels, not user-interface messages.
 */
import type Stripe from 'stripe';

import type { Invoice, InvoiceLine } from '#db/schema';
import { addDays, helsinkiInstant, type LocalDate } from '~/time/helsinki';

import { formatIban, formatReference, virtualBarcode } from './finnish-payment';

/** Stripe's limits on an invoice's custom fields (API reference, `custom_fields`). */
export const CUSTOM_FIELD_LIMITS = { count: 4, name: 40, value: 140 } as const;

const DAY_MS = 86_400_000;

/** 2027-04-15 → 15.4.2027, as Finnish dates are written. */
export function finnishDate(date: LocalDate): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a local date: ${date}`);
  return `${Number(match[3])}.${Number(match[2])}.${match[1]}`;
}

/** Whole days from the issue date to the due date: Stripe's `days_until_due`. */
export function daysUntilDue(issueDate: LocalDate, dueDate: LocalDate): number {
  const days = Math.round((Date.parse(dueDate) - Date.parse(issueDate)) / DAY_MS);
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`the due date ${dueDate} is before the issue date ${issueDate}`);
  }
  return days;
}

/**
 * The reference, its RF form, the buyer's business ID and the due date: what a Finnish payer
 * needs to pay, where Stripe prints it prominently. Stripe refuses more than four fields or
 * longer texts; checking here names our invoice in the error instead of a Stripe 400.
 */
export function invoiceCustomFields(
  invoice: Pick<Invoice, 'referenceNumber' | 'rfReference' | 'buyerBusinessId' | 'dueDate'>,
): Stripe.InvoiceCreateParams.CustomField[] {
  const fields = [
    { name: 'Viitenumero', value: formatReference(invoice.referenceNumber) },
    { name: 'RF-viite', value: formatReference(invoice.rfReference) },
    ...(invoice.buyerBusinessId
      ? [{ name: 'Ostajan Y-tunnus', value: invoice.buyerBusinessId }]
      : []),
    { name: 'Eräpäivä', value: finnishDate(invoice.dueDate) },
  ];
  assertCustomFieldLimits(fields);
  return fields;
}

export function assertCustomFieldLimits(fields: readonly { name: string; value: string }[]): void {
  if (fields.length > CUSTOM_FIELD_LIMITS.count) {
    throw new RangeError(`Stripe takes at most ${CUSTOM_FIELD_LIMITS.count} custom fields`);
  }
  for (const { name, value } of fields) {
    if ([...name].length > CUSTOM_FIELD_LIMITS.name) {
      throw new RangeError(`custom field name over ${CUSTOM_FIELD_LIMITS.name} characters`);
    }
    if ([...value].length > CUSTOM_FIELD_LIMITS.value) {
      throw new RangeError(`custom field "${name}" over ${CUSTOM_FIELD_LIMITS.value} characters`);
    }
  }
}

/**
 * The seller's legal details, the account to pay to with its virtual barcode, and the legal
 * reason of every VAT-exempt line (VAT Act 209 e §): what the custom fields have no room for.
 */
export function invoiceFooter(
  invoice: Pick<
    Invoice,
    | 'sellerName'
    | 'sellerAddress'
    | 'sellerBusinessId'
    | 'sellerVatNumber'
    | 'sellerIban'
    | 'totalCents'
    | 'referenceNumber'
    | 'dueDate'
  >,
  lines: readonly Pick<InvoiceLine, 'vatRateBasisPoints' | 'vatExemptReason'>[],
): string {
  const barcode = virtualBarcode({
    iban: invoice.sellerIban,
    amountCents: invoice.totalCents,
    reference: invoice.referenceNumber,
    dueDate: invoice.dueDate,
  });
  const exemptReasons = [
    ...new Set(
      lines.flatMap((line) =>
        line.vatRateBasisPoints === null && line.vatExemptReason
          ? [line.vatExemptReason.trim()]
          : [],
      ),
    ),
  ].sort();
  return [
    invoice.sellerName,
    invoice.sellerAddress,
    `Y-tunnus ${invoice.sellerBusinessId}`,
    ...(invoice.sellerVatNumber ? [`ALV-numero ${invoice.sellerVatNumber}`] : []),
    `IBAN ${formatIban(invoice.sellerIban)}`,
    `Virtuaaliviivakoodi ${barcode}`,
    ...exemptReasons.map((reason) => `Arvonlisäveroton myynti: ${reason}`),
  ].join('\n');
}

/**
 * The buyer's address as Stripe keeps one. Our snapshot is one text ("PL 1000, 70101
 * Kuopio"); when its last part is a Finnish postal code and a town they become Stripe's
 * fields, otherwise the whole text is the first line.
 */
export function stripeAddress(text: string): Stripe.AddressParam {
  const parts = text
    .split(/\s*[,\n]\s*/)
    .map((part) => part.trim())
    .filter(Boolean);
  const postal = /^(\d{5})\s+(.+)$/.exec(parts.at(-1) ?? '');
  if (postal && parts.length > 1) {
    return {
      line1: parts.slice(0, -1).join(', '),
      postal_code: postal[1],
      city: postal[2],
      country: 'FI',
    };
  }
  return { line1: text.trim(), country: 'FI' };
}

/** A session's service period: its whole Helsinki day, in Unix seconds. */
export function servicePeriod(serviceDate: LocalDate): { start: number; end: number } {
  const start = helsinkiInstant(serviceDate).getTime() / 1000;
  const nextDay = helsinkiInstant(addDays(serviceDate, 1)).getTime() / 1000;
  return { start, end: nextDay - 1 };
}
