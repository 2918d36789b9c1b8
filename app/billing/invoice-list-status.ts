import type { Invoice } from '#db/schema';
import type { LocalDate } from '~/time/helsinki';

/**
 * What the owner filters by and reads: our stored statuses, and three derived ones, never
 * stored: `overdue` (open, and the due date is before today in Helsinki; it changes with the
 * calendar, not with anything that happens to the invoice), `credited` (a paid invoice whose
 * every line a credit note has taken back) and `creditNote` (a credit note Stripe has issued).
 */
export const invoiceListStatuses = [
  'pending',
  'open',
  'overdue',
  'paid',
  'credited',
  'creditNote',
  'void',
  'uncollectible',
] as const;
export type InvoiceListStatus = (typeof invoiceListStatuses)[number];

/** The status the owner reads. */
export function listStatus(
  invoice: Pick<Invoice, 'status' | 'dueDate' | 'kind' | 'creditedAt'>,
  today: LocalDate,
): InvoiceListStatus {
  if (invoice.kind === 'credit_note') {
    return invoice.status === 'pending' ? 'pending' : 'creditNote';
  }
  if (invoice.status === 'paid' && invoice.creditedAt !== null) return 'credited';
  return invoice.status === 'open' && invoice.dueDate < today ? 'overdue' : invoice.status;
}
