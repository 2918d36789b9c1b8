import Stripe from 'stripe';

import type { Config, StripeSettings } from '~/config.server';

/**
 * The Stripe API version every request is made with. Written out rather than taken from
 * `Stripe.API_VERSION`, so that an SDK upgrade that moves the version fails `tsc` here (the
 * type only admits the SDK's own version) instead of changing the API under the app unseen.
 */
export const STRIPE_API_VERSION: Stripe.LatestApiVersion = '2026-10-28.endive';

/** Long enough for Stripe's slower endpoints (finalising, search), short enough for a page. */
const REQUEST_TIMEOUT_MS = 20_000;

/**
 * The Stripe SDK as the app uses it, or null when billing is not configured. The same code
 * path runs everywhere: only STRIPE_API_BASE decides whether requests go to api.stripe.com
 * (unset, production) or to another server such as the local stand-in (ADR 016).
 */
export function createStripe(config: Pick<Config, 'stripe'>): Stripe | null {
  const settings = config.stripe;
  if (!settings) return null;
  return new Stripe(settings.secretKey, stripeClientConfig(settings));
}

/**
 * The SDK's configuration, shared with tests that build a client of the same kind around
 * a fetch of their own (one that loses answers, to test what a crash leaves behind).
 */
export function stripeClientConfig(settings: StripeSettings): Stripe.StripeConfig {
  return {
    apiVersion: STRIPE_API_VERSION,
    // The SDK sends an Idempotency-Key with every POST, so its retries never act twice.
    maxNetworkRetries: 2,
    timeout: REQUEST_TIMEOUT_MS,
    ...apiEndpoint(settings),
  };
}

/** host / port / protocol for the SDK from STRIPE_API_BASE; nothing when it is unset. */
function apiEndpoint(
  settings: StripeSettings,
): { host: string; port: number; protocol: Stripe.HttpProtocol } | Record<string, never> {
  if (!settings.apiBase) return {};
  const url = new URL(settings.apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  const port = url.port ? Number(url.port) : protocol === 'http' ? 80 : 443;
  return { host: url.hostname, port, protocol };
}
