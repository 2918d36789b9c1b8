/**
 * The practice's invoicing details: what every invoice says about the seller (VAT Act
 * 209 e §: name, address, business ID, VAT number) and how it is paid (IBAN, payment term).
 * The owner keeps them; the invoice run reads them and refuses to start while they are
 * incomplete.
 */
import { eq } from 'drizzle-orm';

import type { Db } from '#db/client';
import { practices } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';
import { savePracticeSettings } from '~/practices/practice-settings.server';

import { assertMayManageBilling } from './access.server';
import type { InvoicingDetailField, InvoicingDetails } from './schemas';

const detailColumns = {
  legalName: practices.legalName,
  streetAddress: practices.streetAddress,
  postalCode: practices.postalCode,
  city: practices.city,
  businessId: practices.businessId,
  vatNumber: practices.vatNumber,
  iban: practices.iban,
  paymentTermDays: practices.paymentTermDays,
} as const;

/**
 * What an invoice cannot be without. The VAT number is not among them: a practice under
 * the VAT threshold has none, and then every line it invoices must be VAT-exempt.
 */
const requiredForInvoicing = [
  'legalName',
  'streetAddress',
  'postalCode',
  'city',
  'businessId',
  'iban',
] as const satisfies readonly InvoicingDetailField[];

export type RequiredInvoicingDetail = (typeof requiredForInvoicing)[number];

/**
 * A practice's details as stored, for code that has already checked its right to them (the
 * invoice run, inside its own transaction). not_found when the practice does not exist.
 */
export async function loadInvoicingDetails(db: Db, practiceId: string): Promise<InvoicingDetails> {
  const [details] = await db
    .select(detailColumns)
    .from(practices)
    .where(eq(practices.id, practiceId));
  if (!details) throw new AppError('not_found');
  return details;
}

/** The owner reads their practice's details (the settings page). */
export async function readInvoicingDetails(
  { db }: DomainContext,
  actor: MemberActor,
): Promise<InvoicingDetails> {
  assertMayManageBilling(actor);
  return loadInvoicingDetails(db, actor.practiceId);
}

/** The owner saves the details; the audit names the fields that changed. */
export async function updateInvoicingDetails(
  ctx: DomainContext,
  actor: MemberActor,
  input: InvoicingDetails,
): Promise<{ changedFields: InvoicingDetailField[] }> {
  assertMayManageBilling(actor);
  return savePracticeSettings(ctx, actor, 'invoicing_details', detailColumns, input);
}

/** The details an invoice needs that the practice has not given yet, in the form's order. */
export function missingInvoicingDetails(details: InvoicingDetails): RequiredInvoicingDetail[] {
  return requiredForInvoicing.filter((field) => details[field] === null);
}

/** For the invoice run: it does not start while a detail an invoice needs is missing. */
export function assertReadyToInvoice(details: InvoicingDetails): void {
  if (missingInvoicingDetails(details).length > 0) {
    throw new AppError('invalid', 'billing.details.incomplete');
  }
}
