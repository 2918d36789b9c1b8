import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { formatIban } from '~/billing/finnish-payment';
import {
  missingInvoicingDetails,
  readInvoicingDetails,
  updateInvoicingDetails,
} from '~/billing/invoicing-details.server';
import { InvoicingDetailsForm, InvoicingReadiness } from '~/billing/invoicing-details-form';
import { invoicingDetailsSchema } from '~/billing/schemas';
import { domainContext } from '~/domain/context';
import { parseForm } from '~/forms/parse';
import { badRequest } from '~/forms/respond.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { PageHeader } from '~/ui/app-shell';
import { Notice } from '~/ui/form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'billing.details.title');

/** The practice's invoicing details: the owner's page; any other member gets 403. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const details = await readInvoicingDetails(domainContext(context), actor).catch(throwAsResponse);
  return {
    // Printed in groups of four, as the owner reads it on their bank's papers.
    details: { ...details, iban: details.iban === null ? null : formatIban(details.iban) },
    missing: missingInvoicingDetails(details),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const parsed = parseForm(invoicingDetailsSchema, await request.formData());
  if (!parsed.ok) return badRequest({ done: false, failure: parsed });
  await updateInvoicingDetails(domainContext(context), actor, parsed.data).catch(throwAsResponse);
  return { done: true, failure: undefined };
}

export default function InvoicingDetailsSettings() {
  const t = useT();
  const { details, missing } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t('billing.details.title')} lead={t('billing.details.lead')} />
      {result?.done ? (
        <div className="mb-4 max-w-2xl">
          <Notice>{t('billing.details.saved')}</Notice>
        </div>
      ) : null}
      <InvoicingReadiness missing={missing} hasVatNumber={details.vatNumber !== null} />
      <InvoicingDetailsForm details={details} failure={result?.failure} />
    </>
  );
}
