import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { calendarDate, InvoiceStatusWord } from '~/billing/invoice-display';
import { type InvoiceListStatus, invoiceListStatuses } from '~/billing/invoice-list-status';
import { listInvoices } from '~/billing/invoices.server';
import { domainContext } from '~/domain/context';
import { listPage } from '~/forms/fields';
import { formatDate } from '~/i18n/format';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { formatMoney } from '~/money/cents';
import { PageHeader } from '~/ui/app-shell';
import { EmptyState } from '~/ui/empty-state';
import { Pagination } from '~/ui/pagination';
import { ScrollBox } from '~/ui/scroll-box';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'invoices.title');

/**
 * `/billing/invoices?status=&month=&reference=&page=`: the owner's invoices, a page at a
 * time; a GET form filters them, and a reference from a bank statement finds the invoice it
 * pays.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const url = new URL(request.url);
  const status = invoiceListStatuses.find((s) => s === url.searchParams.get('status'));
  const month = url.searchParams.get('month')?.trim() || undefined;
  const reference = url.searchParams.get('reference')?.trim() || undefined;
  const page = listPage.parse(url.searchParams.get('page') ?? undefined);
  const list = await listInvoices(domainContext(context), actor, {
    status,
    month,
    reference,
    page,
  }).catch(throwAsResponse);
  return { ...list, status: status ?? '', month: month ?? '', reference: reference ?? '' };
}

export default function Invoices() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const money = (cents: number) => formatMoney(cents, locale);
  const date = (day: string) => formatDate(calendarDate(day), locale);
  return (
    <>
      <PageHeader title={t('invoices.title')} lead={t('invoices.lead')} />
      <div className="flex max-w-5xl flex-col gap-6">
        <p role="status" className="font-semibold">
          {t('invoices.outstanding', {
            amount: money(data.outstandingCents),
            overdue: money(data.overdueCents),
          })}
        </p>
        <Form method="get" className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="status" className="font-medium">
              {t('invoices.status')}
            </label>
            <select
              id="status"
              name="status"
              defaultValue={data.status}
              className="rounded-md border border-slate-400 px-3 py-2"
            >
              <option value="">{t('invoices.anyStatus')}</option>
              {invoiceListStatuses.map((status: InvoiceListStatus) => (
                <option key={status} value={status}>
                  {t(`invoiceStatus.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="month" className="font-medium">
              {t('invoices.month')}
            </label>
            <input
              id="month"
              name="month"
              type="month"
              defaultValue={data.month}
              aria-describedby="month-hint"
              className="rounded-md border border-slate-400 px-3 py-2"
            />
            <span id="month-hint" className="text-sm text-slate-600">
              {t('invoices.monthHint')}
            </span>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="reference" className="font-medium">
              {t('invoices.reference')}
            </label>
            <input
              id="reference"
              name="reference"
              type="search"
              inputMode="text"
              autoComplete="off"
              defaultValue={data.reference}
              aria-describedby="reference-hint"
              className="rounded-md border border-slate-400 px-3 py-2"
            />
            <span id="reference-hint" className="text-sm text-slate-600">
              {t('invoices.referenceHint')}
            </span>
          </div>
          <button type="submit" className="rounded-md border border-slate-400 px-4 py-2">
            {t('invoices.filter')}
          </button>
        </Form>

        {data.invoices.length === 0 ? (
          <EmptyState
            message={t('invoices.none')}
            action={{ to: '/billing/run', label: t('invoices.toRun') }}
          />
        ) : (
          <div>
            <ScrollBox label={t('invoices.title')} className="">
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-1 pr-3">
                      {t('invoices.col.number')}
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      {t('invoices.col.payer')}
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      {t('invoices.col.reference')}
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      {t('invoices.col.issueDate')}
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      {t('invoices.col.dueDate')}
                    </th>
                    <th scope="col" className="py-1 pr-3 text-right">
                      {t('invoices.col.total')}
                    </th>
                    <th scope="col" className="py-1">
                      {t('invoices.col.status')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.invoices.map((invoice) => (
                    <tr key={invoice.id} className="border-b border-slate-100 align-top">
                      <td className="py-1 pr-3">
                        <Link to={`/billing/invoices/${invoice.id}`}>{invoice.number}</Link>
                      </td>
                      <td className="py-1 pr-3 break-words">{invoice.buyerName}</td>
                      <td className="py-1 pr-3 whitespace-nowrap">{invoice.reference ?? ''}</td>
                      <td className="py-1 pr-3 whitespace-nowrap">{date(invoice.issueDate)}</td>
                      <td className="py-1 pr-3 whitespace-nowrap">{date(invoice.dueDate)}</td>
                      <td className="py-1 pr-3 text-right whitespace-nowrap">
                        {money(invoice.totalCents)}
                      </td>
                      <td className="py-1">
                        <InvoiceStatusWord status={invoice.status} />
                        {invoice.paymentFailed ? (
                          <span className="block text-sm text-red-800">
                            {t('invoices.paymentFailed')}
                          </span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
            <Pagination
              page={data.page}
              pageCount={data.pageCount}
              total={data.total}
              pageSize={data.pageSize}
            />
          </div>
        )}

        {data.months.length > 0 ? (
          <section aria-labelledby="months-heading" className="flex flex-col gap-2">
            <h2 id="months-heading" className="text-lg font-semibold">
              {t('invoices.monthsHeading')}
            </h2>
            <ul className="flex flex-col gap-1">
              {data.months.map((month) => (
                <li key={month.month}>
                  {t('invoices.monthRow', {
                    month: month.month,
                    count: month.count,
                    total: money(month.totalCents),
                  })}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </>
  );
}
