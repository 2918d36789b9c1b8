import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';

import { createdAt, id, timestamptz, updatedAt } from './columns';
import { practices } from './practices';

/** The organisation that orders and pays for supervision (tilaaja). */
export const commissioners = pgTable(
  'commissioners',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Y-tunnus in its canonical form 1234567-8, check digit verified. */
    businessId: text('business_id').notNull(),
    billingContact: text('billing_contact'),
    billingEmail: text('billing_email'),
    addressLine: text('address_line'),
    postalCode: text('postal_code'),
    city: text('city'),
    /** Finnish e-invoice address (OVT or IBAN) and operator, when the payer uses e-invoices. */
    eInvoiceAddress: text('e_invoice_address'),
    eInvoiceOperator: text('e_invoice_operator'),
    archivedAt: timestamptz('archived_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The commissioner list of a practice, by name.
    index('commissioners_practice_name_idx').on(t.practiceId, t.name),
  ],
);

export type Commissioner = typeof commissioners.$inferSelect;
