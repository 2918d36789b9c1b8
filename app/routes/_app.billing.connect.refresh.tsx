import { type LoaderFunctionArgs, redirect } from '@remix-run/node';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { continueOnboarding } from '~/billing/connection.server';
import { createStripe } from '~/billing/stripe.server';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';

/**
 * `GET /billing/connect/refresh`: Stripe sends the owner here when an onboarding link was used
 * or expired. A fresh link for the account already connected, and on to it; nothing is
 * created or changed (connecting is the billing page's POST).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const stripe = createStripe(context.config);
  if (!stripe) return redirect('/billing');
  try {
    const link = await continueOnboarding(
      domainContext(context),
      actor,
      stripe,
      context.config.appOrigin,
    );
    return redirect(link.url);
  } catch (error) {
    // Not connected (or disconnected meanwhile), or Stripe out of reach: the page says what next.
    if (isAppError(error) && (error.code === 'conflict' || error.code === 'unavailable')) {
      return redirect('/billing');
    }
    return throwAsResponse(error);
  }
}
