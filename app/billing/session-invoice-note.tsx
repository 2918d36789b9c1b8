/**
 * On the session page: the invoice the session is billed on (a link for the owner, number
 * and status for a supervisor), and why an invoiced outcome cannot be corrected.
 */
import { Link } from '@remix-run/react';

import type { InvoiceStatus } from '#db/schema/values';
import { useT } from '~/i18n/react';

export function SessionInvoiceNote({
  invoice,
  linkToInvoice,
  outcomeLocked,
}: {
  invoice: { invoiceId: string; number: number; status: InvoiceStatus } | null;
  linkToInvoice: boolean;
  outcomeLocked: boolean;
}) {
  const t = useT();
  if (!invoice && !outcomeLocked) return null;
  const text = invoice
    ? t('sessions.invoiced', {
        number: invoice.number,
        status: t(`invoiceStatus.${invoice.status}`).toLocaleLowerCase(),
      })
    : null;
  return (
    <div className="mt-6 flex flex-col gap-2">
      {invoice && text ? (
        <p>
          {linkToInvoice ? <Link to={`/billing/invoices/${invoice.invoiceId}`}>{text}</Link> : text}
        </p>
      ) : null}
      {outcomeLocked ? <p className="text-slate-700">{t('sessions.invoicedLocked')}</p> : null}
    </div>
  );
}
