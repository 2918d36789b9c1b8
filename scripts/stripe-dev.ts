/**
 * Serves the local Stripe stand-in (ADR 016) beside `npm start`, delivering its webhooks to
 * the app's /webhooks/stripe.
 *
 *   npm run stripe:dev
 *
 * Reads the same environment (and .env) as the app: STRIPE_SECRET_KEY and
 * STRIPE_WEBHOOK_SECRET must be set, and the app needs STRIPE_API_BASE pointing here.
 * STRIPE_DEV_PORT chooses the port (12111 by default).
 */
import { existsSync } from 'node:fs';

import { createStripeStandin } from '~/billing/stripe-standin/standin.server';
import { loadConfig } from '~/config.server';

const DEFAULT_PORT = 12111;
const SHUTDOWN_DEADLINE_MS = 5_000;

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const port = Number(process.env.STRIPE_DEV_PORT || DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    console.error(`STRIPE_DEV_PORT must be a port number, not ${process.env.STRIPE_DEV_PORT}.`);
    process.exit(1);
  }
  const apiBase = `http://127.0.0.1:${port}`;
  if (!config.stripe) {
    console.error(
      [
        'The Stripe stand-in needs the same keys as the app. Set, in .env or the environment:',
        '',
        '  STRIPE_SECRET_KEY=sk_test_standin',
        '  STRIPE_WEBHOOK_SECRET=whsec_standin',
        `  STRIPE_API_BASE=${apiBase}`,
        '',
        'then run `npm run stripe:dev` beside `npm start`.',
      ].join('\n'),
    );
    process.exit(1);
  }

  const webhookUrl = `${config.appOrigin}/webhooks/stripe`;
  const standin = await createStripeStandin({
    secretKey: config.stripe.secretKey,
    port,
    webhook: { url: webhookUrl, secret: config.stripe.webhookSecret },
    seed: Date.now(),
    log: (line) => console.log(line),
    logRequests: true,
  });
  console.log(`Stripe stand-in listening at ${standin.origin}`);
  console.log(`Webhooks go to ${webhookUrl}`);
  if (config.stripe.apiBase !== standin.apiBase) {
    console.warn(
      `Note: the app's STRIPE_API_BASE is ${config.stripe.apiBase ?? 'unset (api.stripe.com)'}; ` +
        `set it to ${standin.apiBase} for the app to use this stand-in.`,
    );
  }

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`${signal} received, stopping the Stripe stand-in.`);
    setTimeout(() => {
      console.error('Shutdown took too long; exiting.');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    void standin.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
