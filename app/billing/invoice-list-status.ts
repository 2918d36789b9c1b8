import type { Invoice } from '#db/schema';
import type { LocalDate } from '~/time/helsinki';

/**
 * What the owner filters by and reads: our stored statuses, and `overdue`, which is derived
 * (open, and the due date is before today in Helsinki) and never stored, as it changes with
 * the calendar and not with anything that happens to the invoice.
 */
export const invoiceListStatuses = [
  'pending',
  'open',
  'overdue',
  'paid',
  'void',
  'uncollectible',
] as const;
export type InvoiceListStatus = (typeof invoiceListStatuses)[number];

/** The status the owner reads: `overdue` for an open invoice past its due date. */
export function listStatus(
  invoice: Pick<Invoice, 'status' | 'dueDate'>,
  today: LocalDate,
): InvoiceListStatus {
  return invoice.status === 'open' && invoice.dueDate < today ? 'overdue' : invoice.status;
}
