import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { assertMayManageBilling } from '~/billing/access.server';
import { confirmInvoiceRun, previewInvoiceRun } from '~/billing/invoice-run.server';
import { monthPeriod, previousMonth } from '~/billing/period';
import { pushPendingInvoices, pushRun } from '~/billing/push-run.server';
import { LeftOutList, PayerInvoiceTable } from '~/billing/run-preview';
import { createStripe } from '~/billing/stripe.server';
import { domainContext } from '~/domain/context';
import { AppError, isAppError } from '~/errors';
import { formFailure } from '~/forms/parse';
import { refused } from '~/forms/respond.server';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { formatMoney } from '~/money/cents';
import { PageHeader } from '~/ui/app-shell';
import { FormErrors, Notice, SubmitButton } from '~/ui/form';
import { Panel } from '~/ui/panel';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'invoiceRun.title');

/** `/billing/run?month=YYYY-MM`: the owner's preview of a month's invoices. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const url = new URL(request.url);
  const month = url.searchParams.get('month') ?? previousMonth(new Date());
  const period = monthPeriod(month);
  if (!period) throw throwAsResponse(new AppError('invalid', 'invoiceRun.error.period'));
  const plan = await previewInvoiceRun(domainContext(context), actor, period).catch(
    throwAsResponse,
  );
  return {
    month,
    plan,
    created: Number(url.searchParams.get('created') ?? 0),
    failed: Number(url.searchParams.get('failed') ?? 0),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const form = await request.formData();
  const month = String(form.get('month') ?? '');
  const period = monthPeriod(month);
  if (form.get('intent') === 'resume') {
    const stripe = createStripe(context.config);
    if (!stripe) throw throwAsResponse(new AppError('conflict', 'invoiceRun.error.notConnected'));
    assertMayManageBilling(actor);
    const pushed = await pushPendingInvoices(domainContext(context), stripe, actor.practiceId);
    return redirect(
      `/billing/run?${new URLSearchParams({ month, failed: String(pushed.failed.length) })}`,
    );
  }
  try {
    if (!period) throw new AppError('invalid', 'invoiceRun.error.period');
    const ctx = domainContext(context);
    const { runId, invoiceIds } = await confirmInvoiceRun(ctx, actor, period);
    // The invoices are ours now; Stripe is told at once. What fails here stays pending and is
    // finished by the next push (ADR 017), so the owner sees the count either way.
    const stripe = createStripe(context.config);
    const pushed = stripe ? await pushRun(ctx, stripe, runId, actor.practiceId) : null;
    const params = new URLSearchParams({
      month,
      created: String(invoiceIds.length),
      failed: String(pushed?.failed.length ?? invoiceIds.length),
    });
    return redirect(`/billing/run?${params}`);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return refused(error, { failure: formFailure(form, {}, error.messageKey) });
  }
}

export default function InvoiceRun() {
  const t = useT();
  const locale = useLocale();
  const { month, plan, created, failed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const money = (cents: number) => formatMoney(cents, locale);
  const blocked = plan.missingDetails.length > 0 || plan.problems.length > 0;
  return (
    <>
      <PageHeader title={t('invoiceRun.title')} lead={t('invoiceRun.lead')} />
      <div className="flex max-w-4xl flex-col gap-6">
        {created > 0 ? (
          <Notice>
            {t('invoiceRun.created', { count: created })}{' '}
            <Link to="/billing/invoices">{t('invoices.link')}</Link>
          </Notice>
        ) : null}
        {failed > 0 ? (
          <Form method="post" className="flex flex-col items-start gap-2" role="alert">
            <p>{t('invoiceRun.notSent', { count: failed })}</p>
            <input type="hidden" name="month" value={month} />
            <input type="hidden" name="intent" value="resume" />
            <SubmitButton>{t('invoiceRun.resume')}</SubmitButton>
          </Form>
        ) : null}
        <Form method="get" className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="month" className="font-medium">
              {t('invoiceRun.month')}
            </label>
            <input
              id="month"
              name="month"
              type="month"
              defaultValue={month}
              aria-describedby="month-hint"
              className="rounded-md border border-slate-400 px-3 py-2"
            />
            <span id="month-hint" className="text-sm text-slate-600">
              {t('invoiceRun.monthHint')}
            </span>
          </div>
          <button type="submit" className="rounded-md border border-slate-400 px-4 py-2">
            {t('invoiceRun.show')}
          </button>
        </Form>

        {plan.missingDetails.length > 0 || plan.problems.includes('vatNumberMissing') ? (
          <p role="status">
            <Link to="/settings/invoicing">{t('invoiceRun.fixDetails')}</Link>
            {plan.problems.includes('vatNumberMissing')
              ? ` – ${t('invoiceRun.error.vatNumberMissing')}`
              : null}
          </p>
        ) : null}
        {plan.problems.includes('notConnected') ? (
          <p role="status">
            {t('invoiceRun.error.notConnected')}{' '}
            <Link to="/billing">{t('invoiceRun.connect')}</Link>
          </p>
        ) : null}

        <section aria-labelledby="payers-heading" className="flex flex-col gap-4">
          <h2 id="payers-heading" className="text-lg font-semibold">
            {t('invoiceRun.payersHeading')}
          </h2>
          {plan.payers.length === 0 ? <p>{t('invoiceRun.error.nothingToInvoice')}</p> : null}
          {plan.payers.map((payer) => (
            <PayerInvoiceTable key={`${payer.payerKind}:${payer.payerId}`} payer={payer} />
          ))}
          {plan.payers.length > 0 ? (
            <p className="font-semibold">
              {t('invoiceRun.grandTotal', {
                subtotal: money(plan.totals.subtotalCents),
                vat: money(plan.totals.vatCents),
                total: money(plan.totals.totalCents),
              })}
            </p>
          ) : null}
        </section>

        {plan.leftOut.length > 0 ? (
          <Panel id="left-out" title={t('invoiceRun.leftOutHeading')}>
            <LeftOutList sessions={plan.leftOut} />
          </Panel>
        ) : null}

        {plan.payers.length > 0 && !blocked ? (
          <Panel id="confirm" title={t('invoiceRun.confirmHeading')}>
            <Form method="post" className="flex flex-col gap-3">
              <FormErrors failure={result?.failure} />
              <p>{t('invoiceRun.confirmLead')}</p>
              <input type="hidden" name="month" value={month} />
              <SubmitButton>{t('invoiceRun.confirm')}</SubmitButton>
            </Form>
          </Panel>
        ) : (
          <FormErrors failure={result?.failure} />
        )}
      </div>
    </>
  );
}
