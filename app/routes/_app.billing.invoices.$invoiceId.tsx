import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { creditableLines } from '~/billing/credit-note.server';
import {
  allowedIntents,
  InvoiceActionForms,
  type InvoiceIntent,
} from '~/billing/invoice-action-forms';
import { calendarDate, InvoiceLines, InvoiceStatusWord } from '~/billing/invoice-display';
import { getInvoice, printedPaymentDetails } from '~/billing/invoices.server';
import { markPaidOutOfBand } from '~/billing/mark-paid-out-of-band.server';
import { sendInvoiceAgain } from '~/billing/send-invoice-again.server';
import { createStripe } from '~/billing/stripe.server';
import { voidInvoice } from '~/billing/void-invoice.server';
import { domainContext } from '~/domain/context';
import { AppError, isAppError } from '~/errors';
import { formFailure } from '~/forms/parse';
import { badRequest, refused } from '~/forms/respond.server';
import { idParam } from '~/http/params.server';
import { formatDate } from '~/i18n/format';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { formatMoney } from '~/money/cents';
import { PageHeader } from '~/ui/app-shell';
import { Notice } from '~/ui/form';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(
    matches,
    data
      ? [
          data.view.invoice.kind === 'credit_note' ? 'creditNote.title' : 'invoicePage.title',
          { number: data.view.invoice.number },
        ]
      : 'invoices.title',
  );

/** `/billing/invoices/:invoiceId`: the invoice as the payer reads it, and the owner's actions. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const id = idParam(params.invoiceId);
  const view = await getInvoice(domainContext(context), actor, id).catch(throwAsResponse);
  const { invoice } = view;
  return {
    view,
    // A credit note is not paid: it has no payment details or barcode.
    payment: invoice.kind === 'invoice' ? printedPaymentDetails(invoice) : null,
    intents: allowedIntents(view.status, invoice.sentAt !== null),
    mayCredit: creditableLines(invoice, view.lines).length > 0,
  };
}

const intents: readonly InvoiceIntent[] = ['markPaid', 'void', 'push'];
const doneOf: Record<InvoiceIntent, string> = { markPaid: 'paid', void: 'void', push: 'sent' };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const id = idParam(params.invoiceId);
  const form = await request.formData();
  const intent = intents.find((candidate) => candidate === form.get('intent'));
  if (!intent) return badRequest(formFailure({}, {}, 'error.invalid'));
  // Marking paid and voiding cannot be undone: only from the confirmation step.
  if (intent !== 'push' && form.get('confirmed') !== 'yes') {
    return badRequest(formFailure({}, {}, 'invoicePage.error.confirmRequired'));
  }
  const ctx = domainContext(context);
  try {
    const stripe = createStripe(context.config);
    if (!stripe) {
      // Another practice's invoice is not found, whether or not Stripe is configured here.
      await getInvoice(ctx, actor, id);
      throw new AppError('conflict', 'invoicePage.error.notConfigured');
    }
    if (intent === 'markPaid') await markPaidOutOfBand(ctx, actor, stripe, id);
    else if (intent === 'void') await voidInvoice(ctx, actor, stripe, id);
    // A push that stops keeps its reason on the invoice, which the page shows.
    else await sendInvoiceAgain(ctx, actor, stripe, id);
    return redirect(`/billing/invoices/${id}?done=${doneOf[intent]}`, 303);
  } catch (error) {
    if (isAppError(error) && (error.code === 'conflict' || error.code === 'unavailable')) {
      return refused(error, formFailure({}, {}, error.messageKey));
    }
    return throwAsResponse(error);
  }
}

const doneMessages = {
  paid: 'invoicePage.done.paid',
  void: 'invoicePage.done.void',
  sent: 'invoicePage.done.sent',
  credited: 'creditNote.done',
} as const;

function isDone(value: string | null): value is keyof typeof doneMessages {
  return value !== null && value in doneMessages;
}

export default function InvoicePage() {
  const t = useT();
  const locale = useLocale();
  const { view, payment, intents: allowed, mayCredit } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { invoice } = view;
  const money = (cents: number) => formatMoney(cents, locale);
  const day = (value: string) => formatDate(calendarDate(value), locale);
  const done = searchParams.get('done');
  const path = `/billing/invoices/${invoice.id}`;
  const isCreditNote = invoice.kind === 'credit_note';
  return (
    <>
      <PageHeader
        title={t(isCreditNote ? 'creditNote.title' : 'invoicePage.title', {
          number: invoice.number,
        })}
      />
      <div className="flex max-w-4xl flex-col gap-6">
        <p>
          <Link to="/billing/invoices">{t('invoicePage.back')}</Link>
        </p>
        {isDone(done) ? <Notice>{t(doneMessages[done])}</Notice> : null}
        <p className="text-lg">
          <InvoiceStatusWord status={view.status} />
        </p>
        {view.credits ? (
          <p>
            <Link to={`/billing/invoices/${view.credits.id}`}>
              {t('creditNote.corrects', { number: view.credits.number })}
            </Link>
          </p>
        ) : null}
        {invoice.creditReason ? (
          <p>{t('creditNote.reasonShown', { reason: invoice.creditReason })}</p>
        ) : null}
        {invoice.pushError ? (
          <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
            {t('invoicePage.pushError', { error: invoice.pushError })}
          </p>
        ) : null}
        {invoice.paymentFailedAt && (view.status === 'open' || view.status === 'overdue') ? (
          <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
            {t('invoicePage.paymentFailed', {
              date: formatDate(new Date(invoice.paymentFailedAt), locale),
            })}
          </p>
        ) : null}
        {invoice.paidAt ? (
          <p>
            {t(invoice.paidOutOfBand ? 'invoicePage.paidOutOfBand' : 'invoicePage.paidAt', {
              date: formatDate(new Date(invoice.paidAt), locale),
            })}
          </p>
        ) : null}
        {invoice.voidedAt ? (
          <p>
            {t('invoicePage.voidedAt', { date: formatDate(new Date(invoice.voidedAt), locale) })}
          </p>
        ) : null}

        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <section aria-labelledby="seller" className="flex flex-col gap-1">
            <h2 id="seller" className="font-semibold">
              {t('invoicePage.seller')}
            </h2>
            <p className="break-words">{invoice.sellerName}</p>
            <p className="whitespace-pre-line">{invoice.sellerAddress}</p>
            <p>{t('invoicePage.businessId', { id: invoice.sellerBusinessId })}</p>
            {invoice.sellerVatNumber ? (
              <p>{t('invoicePage.vatNumber', { id: invoice.sellerVatNumber })}</p>
            ) : null}
          </section>
          <section aria-labelledby="buyer" className="flex flex-col gap-1">
            <h2 id="buyer" className="font-semibold">
              {t('invoicePage.buyer')}
            </h2>
            <p className="break-words">{invoice.buyerName}</p>
            <p className="whitespace-pre-line">{invoice.buyerAddress}</p>
            {invoice.buyerBusinessId ? (
              <p>{t('invoicePage.businessId', { id: invoice.buyerBusinessId })}</p>
            ) : null}
            {invoice.buyerVatNumber ? (
              <p>{t('invoicePage.vatNumber', { id: invoice.buyerVatNumber })}</p>
            ) : null}
          </section>
        </div>

        <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1">
          <dt className="font-medium">{t('invoicePage.number')}</dt>
          <dd>{invoice.number}</dd>
          <dt className="font-medium">{t('invoicePage.issueDate')}</dt>
          <dd>{day(invoice.issueDate)}</dd>
          {payment ? (
            <>
              <dt className="font-medium">{t('invoicePage.dueDate')}</dt>
              <dd>{day(invoice.dueDate)}</dd>
              <dt className="font-medium">{t('invoicePage.reference')}</dt>
              <dd>{payment.reference}</dd>
              <dt className="font-medium">{t('invoicePage.rfReference')}</dt>
              <dd>{payment.rfReference}</dd>
              <dt className="font-medium">{t('invoicePage.iban')}</dt>
              <dd>{payment.iban}</dd>
            </>
          ) : null}
        </dl>

        {/* Not a landmark of its own: the lines' scrolling table is the region named so. */}
        <section className="flex flex-col gap-2">
          <h2 id="lines" className="text-lg font-semibold">
            {t('invoicePage.linesHeading')}
          </h2>
          <InvoiceLines lines={view.lines} vatByRate={view.vatByRate} />
          <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1">
            <dt>{t('invoicePage.subtotal')}</dt>
            <dd className="text-right">{money(invoice.subtotalCents)}</dd>
            <dt>{t('invoicePage.vatTotal')}</dt>
            <dd className="text-right">{money(invoice.vatCents)}</dd>
            <dt className="font-semibold">
              {t(isCreditNote ? 'creditNote.totalCredited' : 'invoicePage.total')}
            </dt>
            <dd className="text-right font-semibold">{money(invoice.totalCents)}</dd>
          </dl>
        </section>

        {payment ? (
          <section aria-labelledby="barcode" className="flex flex-col gap-1">
            <h2 id="barcode" className="font-semibold">
              {t('invoicePage.barcode')}
            </h2>
            <p className="font-mono break-all">{payment.barcode}</p>
          </section>
        ) : null}
        {view.creditNotes.length > 0 ? (
          <section aria-labelledby="credit-notes" className="flex flex-col gap-1">
            <h2 id="credit-notes" className="font-semibold">
              {t('creditNote.notesHeading')}
            </h2>
            <ul className="flex flex-col gap-1">
              {view.creditNotes.map((note) => (
                <li key={note.id}>
                  <Link to={`/billing/invoices/${note.id}`}>
                    {t('creditNote.noteRow', {
                      number: note.number,
                      date: day(note.issueDate),
                      amount: money(note.totalCents),
                    })}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {invoice.hostedInvoiceUrl ? (
          <p>
            <a href={invoice.hostedInvoiceUrl} rel="noreferrer">
              {t('invoicePage.hostedPage')}
            </a>
          </p>
        ) : null}

        <InvoiceActionForms
          invoicePath={path}
          intents={allowed}
          confirming={searchParams.get('confirm')}
          failure={failure}
        />
        {mayCredit ? (
          <section aria-labelledby="credit" className="flex flex-col gap-2">
            <h2 id="credit" className="font-semibold">
              {t('creditNote.start')}
            </h2>
            <p>{t('creditNote.startLead')}</p>
            <p>
              <Link to={`${path}/credit`}>{t('creditNote.start')}</Link>
            </p>
          </section>
        ) : null}
      </div>
    </>
  );
}
