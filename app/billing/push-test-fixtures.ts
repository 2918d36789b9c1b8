/** Helpers of the push tests: a client whose answers get lost, and the stand-in's request log read back. */
import Stripe from 'stripe';

import { stripeClientConfig } from './stripe.server';
import type { LoggedRequest, StripeStandin } from './stripe-standin/standin.server';
import { SECRET_KEY, WEBHOOK_SECRET } from './stripe-standin/test-fixtures';

/**
 * A fetch that lets `n` requests through and then dies: the n-th request reaches the server
 * and acts there, but its answer is lost, as when the process crashes while Stripe answers;
 * every later request fails before leaving (the SDK's own retries included). n = 0 dies at
 * once.
 */
export function fetchThatDiesAfter(n: number): typeof fetch {
  let calls = 0;
  return async (input, init) => {
    calls += 1;
    if (calls > n) throw new TypeError('fetch failed: the process is gone');
    const response = await fetch(input, init);
    if (calls < n) return response;
    await response.arrayBuffer();
    throw new TypeError('fetch failed: the answer was lost');
  };
}

/**
 * The app's SDK configuration against the stand-in, with `fetchFn` doing the HTTP. The SDK
 * still makes its retries (maxNetworkRetries as configured, each with its retry key), but
 * waits 5–10 ms before each instead of 0.5–1 s: every dying push would otherwise sleep
 * through a second and more of back-off.
 */
export function stripeWithFetch(standin: StripeStandin, fetchFn: typeof fetch): Stripe {
  const stripe = new Stripe(SECRET_KEY, {
    ...stripeClientConfig({
      secretKey: SECRET_KEY,
      webhookSecret: WEBHOOK_SECRET,
      apiBase: standin.apiBase,
    }),
    httpClient: Stripe.createFetchHttpClient(fetchFn),
  });
  stripe.getInitialNetworkRetryDelay = () => 0.005;
  stripe.getMaxNetworkRetryDelay = () => 0.01;
  return stripe;
}

/** The requests the app made: not the SDK's own retries of a request that had no key. */
export function appRequests(requests: readonly LoggedRequest[], from = 0): LoggedRequest[] {
  return requests
    .slice(from)
    .filter((request) => !request.idempotencyKey?.startsWith('stripe-node-retry-'));
}

/**
 * How many objects the account really got from POSTs to `path`: the answered, not replayed
 * creations (a replay returns the object made the first time).
 */
export function objectsCreated(
  requests: readonly LoggedRequest[],
  accountId: string,
  path: string,
): number {
  return requests.filter(
    (request) =>
      request.method === 'POST' &&
      request.path === path &&
      request.stripeAccount === accountId &&
      request.status === 200 &&
      !request.replayed,
  ).length;
}
