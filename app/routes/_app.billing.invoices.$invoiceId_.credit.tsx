import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { CREDIT_REASON_MAX, creditableLines, issueCreditNote } from '~/billing/credit-note.server';
import { calendarDate } from '~/billing/invoice-display';
import { getInvoice } from '~/billing/invoices.server';
import { createStripe } from '~/billing/stripe.server';
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
import { CheckboxField, Field, FormErrors, SubmitButton } from '~/ui/form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'invoices.title');

/**
 * `/billing/invoices/:invoiceId/credit`: the owner chooses the lines of a paid invoice to
 * credit and says why. The page is the confirmation step: nothing happens until it is sent.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const id = idParam(params.invoiceId);
  const view = await getInvoice(domainContext(context), actor, id).catch(throwAsResponse);
  return {
    invoice: { id: view.invoice.id, number: view.invoice.number, kind: view.invoice.kind },
    paid: view.invoice.kind === 'invoice' && view.invoice.status === 'paid',
    lines: creditableLines(view.invoice, view.lines).map((line) => ({
      id: line.id,
      serviceDate: line.serviceDate,
      description: line.description,
      amountCents: line.amountCents,
      vatCents: line.vatCents,
    })),
  };
}

const lineField = (lineId: string) => `line-${lineId}`;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const id = idParam(params.invoiceId);
  const form = await request.formData();
  const lineIds = [...form.keys()]
    .filter((key) => key.startsWith('line-') && form.get(key) === 'on')
    .map((key) => key.slice('line-'.length));
  const reasonValue = form.get('reason');
  const reason = typeof reasonValue === 'string' ? reasonValue.trim() : '';
  if (reason.length === 0 || reason.length > CREDIT_REASON_MAX) {
    return badRequest(formFailure(form, { reason: ['creditNote.error.reason'] }));
  }
  if (lineIds.length === 0) {
    return badRequest(formFailure(form, {}, 'creditNote.error.noLines'));
  }
  const ctx = domainContext(context);
  try {
    const stripe = createStripe(context.config);
    if (!stripe) {
      await getInvoice(ctx, actor, id);
      throw new AppError('conflict', 'invoicePage.error.notConfigured');
    }
    const { creditNoteId } = await issueCreditNote(ctx, actor, stripe, id, { lineIds, reason });
    // A push that stopped keeps its reason on the credit note, which its page shows.
    return redirect(`/billing/invoices/${creditNoteId}?done=credited`, 303);
  } catch (error) {
    if (isAppError(error) && error.code !== 'not_found' && error.code !== 'forbidden') {
      return refused(error, formFailure(form, {}, error.messageKey));
    }
    return throwAsResponse(error);
  }
}

export default function CreditInvoicePage() {
  const t = useT();
  const locale = useLocale();
  const { invoice, paid, lines } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const money = (cents: number) => formatMoney(cents, locale);
  const back = `/billing/invoices/${invoice.id}`;
  return (
    <>
      <PageHeader title={t('creditNote.newTitle', { number: invoice.number })} />
      <div className="flex max-w-3xl flex-col gap-4">
        <p>
          <Link to={back}>{t('creditNote.cancel')}</Link>
        </p>
        <p>{t('creditNote.lead')}</p>
        {!paid ? (
          <p role="status">{t('creditNote.error.notPaid')}</p>
        ) : lines.length === 0 ? (
          <p role="status">{t('creditNote.nothingLeft')}</p>
        ) : (
          <Form method="post" className="flex flex-col gap-4">
            <FormErrors failure={failure} labels={{ reason: t('creditNote.reason') }} />
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 font-medium">{t('creditNote.linesLegend')}</legend>
              {lines.map((line) => (
                <CheckboxField
                  key={line.id}
                  name={lineField(line.id)}
                  failure={failure}
                  defaultChecked
                  label={t('creditNote.lineLabel', {
                    date: formatDate(calendarDate(line.serviceDate), locale),
                    description: line.description,
                    amount: money(line.amountCents),
                    vat: money(line.vatCents),
                  })}
                />
              ))}
            </fieldset>
            <Field
              name="reason"
              label={t('creditNote.reason')}
              hint={t('creditNote.reasonHint')}
              rows={3}
              failure={failure}
            />
            <p>{t('creditNote.settlement')}</p>
            <SubmitButton>{t('creditNote.submit')}</SubmitButton>
          </Form>
        )}
      </div>
    </>
  );
}
