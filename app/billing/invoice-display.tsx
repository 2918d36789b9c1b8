/** Pieces of the invoice pages: the status word, and an invoice's lines and VAT per rate. */
import { Link } from '@remix-run/react';

import { formatDate } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';
import { formatMoney } from '~/money/cents';
import { ScrollBox } from '~/ui/scroll-box';

import type { InvoiceListStatus } from './invoice-list-status';
import type { VatGroup } from './vat';

/** A calendar day as a Date that falls on the same day in Helsinki, for formatDate. */
export function calendarDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

const statusTone: Record<InvoiceListStatus, string> = {
  pending: 'text-amber-900',
  open: 'text-slate-900',
  overdue: 'font-semibold text-red-800',
  paid: 'text-teal-900',
  credited: 'text-slate-700',
  creditNote: 'text-slate-900',
  void: 'text-slate-600',
  uncollectible: 'text-red-900',
};

export function InvoiceStatusWord({ status }: { status: InvoiceListStatus }) {
  const t = useT();
  return <span className={statusTone[status]}>{t(`invoiceStatus.${status}`)}</span>;
}

const percent = (basisPoints: number) => String(basisPoints / 100).replace('.', ',');

export interface DisplayedLine {
  id: string;
  sessionId: string | null;
  contractId: string | null;
  serviceDate: string;
  description: string;
  amountCents: number;
  vatRateBasisPoints: number | null;
  vatCents: number;
  releasedAt: Date | string | null;
}

/** The lines, each service date linking to its session's contract, and the VAT summed per rate. */
export function InvoiceLines({
  lines,
  vatByRate,
  label,
}: {
  lines: readonly DisplayedLine[];
  vatByRate: readonly VatGroup[];
  /** Names the lines' scrolling box where a page shows several invoices' lines. */
  label?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <>
      <ScrollBox label={label ?? t('invoicePage.linesHeading')} className="">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-3">
                {t('invoicePage.col.serviceDate')}
              </th>
              <th scope="col" className="py-1 pr-3">
                {t('invoicePage.col.description')}
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                {t('invoicePage.col.net')}
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                {t('invoicePage.col.vatRate')}
              </th>
              <th scope="col" className="py-1 text-right">
                {t('invoicePage.col.vat')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => {
              const day = formatDate(calendarDate(line.serviceDate), locale);
              return (
                <tr key={line.id} className="border-b border-slate-100 align-top">
                  <td className="py-1 pr-3 whitespace-nowrap">
                    {/* The owner reads a session as part of its contract (sessions/access.server.ts). */}
                    {line.contractId ? (
                      <Link to={`/contracts/${line.contractId}`}>{day}</Link>
                    ) : (
                      day
                    )}
                  </td>
                  <td className="py-1 pr-3">
                    {line.description}
                    {line.releasedAt ? ` (${t('invoicePage.lineReleased')})` : null}
                  </td>
                  <td className="py-1 pr-3 text-right whitespace-nowrap">
                    {money(line.amountCents)}
                  </td>
                  <td className="py-1 pr-3 text-right">
                    {line.vatRateBasisPoints === null
                      ? t('invoiceRun.exemptRate')
                      : percent(line.vatRateBasisPoints)}
                  </td>
                  <td className="py-1 text-right whitespace-nowrap">{money(line.vatCents)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      <ul className="text-sm text-slate-700">
        {vatByRate.map((group) => (
          <li key={group.rateBasisPoints ?? 'exempt'}>
            {group.rateBasisPoints === null
              ? t('invoiceRun.exemptGroup', {
                  base: money(group.baseCents),
                  reasons: group.exemptReasons.join('; '),
                })
              : t('invoiceRun.vatGroup', {
                  rate: percent(group.rateBasisPoints),
                  base: money(group.baseCents),
                  vat: money(group.vatCents),
                })}
          </li>
        ))}
      </ul>
    </>
  );
}
