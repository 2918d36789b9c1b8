import { type LoaderFunctionArgs, redirect } from '@remix-run/node';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { refreshConnection } from '~/billing/connection.server';
import { createStripe } from '~/billing/stripe.server';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';

/**
 * `GET /billing/connect/return`: Stripe sends the owner back here from onboarding (finished
 * or not). A GET that anyone's browser can be sent to, so it changes nothing but the stored
 * state of the account, read from Stripe; then back to the billing page, which says so.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const stripe = createStripe(context.config);
  if (!stripe) return redirect('/billing');
  try {
    await refreshConnection(domainContext(context), actor, stripe);
  } catch (error) {
    // Nothing connected, or Stripe out of reach: the page shows the state as stored.
    if (isAppError(error) && (error.code === 'not_found' || error.code === 'unavailable')) {
      return redirect('/billing');
    }
    return throwAsResponse(error);
  }
  return redirect('/billing?returned=1');
}
