import type { ActionFunctionArgs } from '@remix-run/node';
import Stripe from 'stripe';

import { applyStripeEvent } from '~/billing/stripe-events.server';
import { domainContext } from '~/domain/context';

/**
 * `POST /webhooks/stripe`: one endpoint for every connected account (the event's `account`
 * says whose it is). The signature is checked on the raw body, as Stripe signs it; a bad or
 * expired one is a 400 that changes nothing. Answers carry no data: Stripe only reads the
 * status.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return text(405);
  const settings = context.config.stripe;
  // Without Stripe configured there is no webhook endpoint here.
  if (!settings) return text(404);
  const payload = await request.text();
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(
      payload,
      request.headers.get('stripe-signature') ?? '',
      settings.webhookSecret,
    );
  } catch {
    return text(400);
  }
  await applyStripeEvent(domainContext(context), event);
  return text(200);
}

/** A GET is not a webhook. */
export function loader() {
  return text(405);
}

const text = (status: number) =>
  new Response(status === 200 ? 'ok' : '', {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
