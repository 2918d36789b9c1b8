/**
 * What the owner is told when Stripe refuses or cannot be reached while they act on an
 * invoice: the owner's language, not Stripe's English, and the status code of the refusal.
 */
import Stripe from 'stripe';

import { AppError } from '~/errors';

/** A Stripe error as our AppError; anything else is thrown on as it is. */
export function stripeRefusal(error: unknown): never {
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError
  ) {
    throw new AppError('unavailable', 'invoicePage.error.stripeUnreachable');
  }
  if (error instanceof Stripe.errors.StripeError) {
    throw new AppError('conflict', 'invoicePage.error.stripe');
  }
  throw error;
}
