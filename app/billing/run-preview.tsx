/** The invoice run's preview: one table per payer, VAT per rate, and what is left out. */
import { Link } from '@remix-run/react';

import type { Payer } from '#db/schema/values';
import { formatDate } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';
import { formatMoney } from '~/money/cents';

import { InvoiceLines } from './invoice-display';
import type { PayerInvoice, RunLeftOut } from './invoice-run.server';

/** Where a payer's billing address is kept: the client's form, or the commissioner's page. */
function payerAddressPage(payerKind: Payer, payerId: string): string {
  return payerKind === 'supervisee' ? `/clients/${payerId}/edit` : `/commissioners/${payerId}`;
}

export function PayerInvoiceTable({ payer }: { payer: PayerInvoice }) {
  const t = useT();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <section
      aria-labelledby={`payer-${payer.payerId}`}
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id={`payer-${payer.payerId}`} className="font-semibold break-words">
        {payer.buyer.name}
      </h3>
      <p className="text-sm whitespace-pre-line text-slate-700">{payer.buyer.address}</p>
      <InvoiceLines
        lines={payer.lines.map((line) => ({
          ...line,
          id: line.sessionId,
          releasedAt: null,
        }))}
        vatByRate={payer.vatByRate}
        label={`${t('invoicePage.linesHeading')}: ${payer.buyer.name}`}
      />
      <p className="font-medium">
        {t('invoiceRun.payerTotals', {
          subtotal: money(payer.subtotalCents),
          vat: money(payer.vatCents),
          total: money(payer.totalCents),
        })}
      </p>
    </section>
  );
}

export function LeftOutList({ sessions }: { sessions: RunLeftOut[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="flex flex-col gap-1">
      {sessions.map((session) => (
        <li key={session.sessionId}>
          <Link to={`/contracts/${session.contractId}`}>
            {t('invoiceRun.leftOutSession', {
              date: formatDate(session.startsAt, locale),
              code: session.contractCode,
            })}
          </Link>
          {': '}
          {t(`invoiceRun.leftOut.${session.reason}`)}
          {session.reason === 'payerAddressMissing' ? (
            <>
              {' ('}
              <Link to={payerAddressPage(session.payerKind, session.payerId)}>
                {t('invoiceRun.leftOut.completeAddress')}
              </Link>
              {')'}
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
