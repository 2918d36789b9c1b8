import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import {
  ConnectionSection,
  InvoicingDetailsSummary,
  StripeSetupHowTo,
} from '~/billing/billing-page-sections';
import {
  continueOnboarding,
  disconnect,
  readConnection,
  startOnboarding,
} from '~/billing/connection.server';
import { missingInvoicingDetails, readInvoicingDetails } from '~/billing/invoicing-details.server';
import { createStripe } from '~/billing/stripe.server';
import { domainContext } from '~/domain/context';
import { AppError, isAppError } from '~/errors';
import { formFailure } from '~/forms/parse';
import { badRequest, refused } from '~/forms/respond.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { PageHeader } from '~/ui/app-shell';
import { FormErrors, Notice } from '~/ui/form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'nav.billing');

/** Billing belongs to the practice owner; any other member gets 403. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const ctx = domainContext(context);
  const details = await readInvoicingDetails(ctx, actor).catch(throwAsResponse);
  const connection = await readConnection(ctx, actor).catch(throwAsResponse);
  return {
    configured: context.config.stripe !== null,
    missing: missingInvoicingDetails(details),
    connection: connection && {
      accountId: connection.accountId,
      detailsSubmitted: connection.detailsSubmitted,
      chargesEnabled: connection.chargesEnabled,
      payoutsEnabled: connection.payoutsEnabled,
      requirementsDue: connection.requirementsDue,
      disconnected: connection.disconnectedAt !== null,
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const ctx = domainContext(context);
  const form = await request.formData();
  const intent = form.get('intent');
  try {
    if (intent === 'connect' || intent === 'continue') {
      const stripe = createStripe(context.config);
      if (!stripe) throw new AppError('conflict', 'billing.connect.notConfigured');
      const { appOrigin } = context.config;
      const link =
        intent === 'connect'
          ? await startOnboarding(ctx, actor, stripe, appOrigin)
          : await continueOnboarding(ctx, actor, stripe, appOrigin);
      return redirect(link.url, 303);
    }
    if (intent === 'disconnect') {
      // Disconnecting stops invoicing, so it is only done from the confirmation step.
      if (form.get('confirmDisconnect') !== 'yes') {
        return badRequest(formFailure({}, {}, 'billing.connect.confirmRequired'));
      }
      await disconnect(ctx, actor);
      return redirect('/billing?disconnected=1', 303);
    }
    return badRequest(formFailure({}, {}, 'error.invalid'));
  } catch (error) {
    // Not configured, already disconnected, Stripe out of reach: told on the page.
    if (isAppError(error) && (error.code === 'conflict' || error.code === 'unavailable')) {
      return refused(error, formFailure({}, {}, error.messageKey));
    }
    return throwAsResponse(error);
  }
}

export default function Billing() {
  const t = useT();
  const { configured, missing, connection } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const notice = searchParams.get('returned')
    ? t('billing.connect.returned')
    : searchParams.get('disconnected')
      ? t('billing.connect.disconnectedNotice')
      : null;
  return (
    <>
      <PageHeader title={t('nav.billing')} lead={t('billing.page.lead')} />
      <div className="flex max-w-3xl flex-col gap-6">
        {notice ? <Notice>{notice}</Notice> : null}
        <p>
          <Link to="/billing/invoices">{t('invoices.link')}</Link>
        </p>
        {configured ? null : (
          <>
            <FormErrors failure={failure} />
            <StripeSetupHowTo />
          </>
        )}
        <InvoicingDetailsSummary missing={missing} />
        {configured ? (
          <ConnectionSection
            connection={connection}
            confirmingDisconnect={searchParams.get('confirm') === 'disconnect'}
            failure={failure}
          />
        ) : null}
      </div>
    </>
  );
}
