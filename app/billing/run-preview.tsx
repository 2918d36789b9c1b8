/** The invoice run's preview: one table per payer, VAT per rate, and what is left out. */
import { Link } from '@remix-run/react';

import { formatDate } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';
import { formatMoney } from '~/money/cents';

import type { PayerInvoice, RunLeftOut } from './invoice-run.server';

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
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-3">
                {t('invoiceRun.col.date')}
              </th>
              <th scope="col" className="py-1 pr-3">
                {t('invoiceRun.col.description')}
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                {t('invoiceRun.col.amount')}
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                {t('invoiceRun.col.vatRate')}
              </th>
              <th scope="col" className="py-1 text-right">
                {t('invoiceRun.col.vat')}
              </th>
            </tr>
          </thead>
          <tbody>
            {payer.lines.map((line) => (
              <tr key={line.sessionId} className="border-b border-slate-100 align-top">
                <td className="py-1 pr-3 whitespace-nowrap">
                  {/* The owner reads a session as part of its contract (sessions/access.server.ts). */}
                  <Link to={`/contracts/${line.contractId}`}>
                    {formatDate(new Date(`${line.serviceDate}T12:00:00Z`), locale)}
                  </Link>
                </td>
                <td className="py-1 pr-3">{line.description}</td>
                <td className="py-1 pr-3 text-right whitespace-nowrap">
                  {money(line.amountCents)}
                </td>
                <td className="py-1 pr-3 text-right">
                  {line.vatRateBasisPoints === null
                    ? t('invoiceRun.exemptRate')
                    : String(line.vatRateBasisPoints / 100).replace('.', ',')}
                </td>
                <td className="py-1 text-right whitespace-nowrap">{money(line.vatCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="text-sm text-slate-700">
        {payer.vatByRate.map((group) => (
          <li key={group.rateBasisPoints ?? 'exempt'}>
            {group.rateBasisPoints === null
              ? t('invoiceRun.exemptGroup', {
                  base: money(group.baseCents),
                  reasons: group.exemptReasons.join('; '),
                })
              : t('invoiceRun.vatGroup', {
                  rate: String(group.rateBasisPoints / 100).replace('.', ','),
                  base: money(group.baseCents),
                  vat: money(group.vatCents),
                })}
          </li>
        ))}
      </ul>
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
        </li>
      ))}
    </ul>
  );
}
