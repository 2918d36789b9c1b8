import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type Stripe from 'stripe';

import { createStripe } from '~/billing/stripe.server';
import { loadConfig } from '~/config.server';

import { createStripeStandin, type StandinOptions, type StripeStandin } from './standin.server';

export const SECRET_KEY = 'sk_test_standin_0123456789';
export const WEBHOOK_SECRET = 'whsec_standin_test_secret';

/**
 * The stand-in on a free port and the app's own SDK client pointed at it through the same
 * configuration the app reads (STRIPE_API_BASE).
 */
export async function startStandin(
  options: Partial<StandinOptions> = {},
): Promise<{ standin: StripeStandin; stripe: Stripe }> {
  const standin = await createStripeStandin({
    secretKey: SECRET_KEY,
    webhookRetryDelayMs: 10,
    ...options,
  });
  const stripe = createStripe(
    loadConfig({
      NODE_ENV: 'test',
      STRIPE_SECRET_KEY: SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_BASE: standin.apiBase,
    }),
  );
  if (!stripe) throw new Error('createStripe returned null with a full configuration');
  return { standin, stripe };
}

/** A connected account that has finished onboarding, as a practice's would be. */
export async function onboardedAccount(stripe: Stripe, standin: StripeStandin): Promise<string> {
  const account = await stripe.accounts.create({ type: 'standard', country: 'FI' });
  standin.simulate.completeOnboarding(account.id);
  return account.id;
}

export interface ReceivedWebhook {
  rawBody: string;
  signature: string;
  event: Stripe.Event;
}

/**
 * The app's side of webhooks in miniature: a node:http endpoint that verifies each delivery
 * with the SDK on the raw body, as the real route must. `failNext` answers 500 that many times.
 */
export async function startWebhookReceiver(stripe: Stripe, secret = WEBHOOK_SECRET) {
  const received: ReceivedWebhook[] = [];
  const rejected: string[] = [];
  const state = { failNext: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const signature = String(req.headers['stripe-signature'] ?? '');
      if (state.failNext > 0) {
        state.failNext -= 1;
        res.writeHead(500).end();
        return;
      }
      try {
        const event = stripe.webhooks.constructEvent(rawBody, signature, secret);
        received.push({ rawBody, signature, event });
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"received":true}');
      } catch (error) {
        rejected.push(error instanceof Error ? error.message : String(error));
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/stripe`,
    received,
    rejected,
    state,
    types: () => received.map((r) => r.event.type),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
