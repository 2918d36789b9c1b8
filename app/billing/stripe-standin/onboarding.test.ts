import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StripeStandin } from './standin.server';
import { startStandin, startWebhookReceiver, WEBHOOK_SECRET } from './test-fixtures';

let standin: StripeStandin;
let stripe: Stripe;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  ({ standin, stripe } = await startStandin());
  receiver = await startWebhookReceiver(stripe);
  standin.webhooks.setTarget(receiver.url, WEBHOOK_SECRET);
});
afterAll(async () => {
  await standin.close();
  await receiver.close();
});

/** Follows the account link as a browser would: open the page, post its form. */
async function pressCompleteOnboarding(linkUrl: string): Promise<Response> {
  const page = await fetch(linkUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  const token = /name="link" value="([^"]+)"/.exec(html)?.[1];
  expect(action).toBeDefined();
  expect(token).toBeDefined();
  return fetch(new URL(action ?? '', linkUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ link: token ?? '' }),
    redirect: 'manual',
  });
}

describe('connecting an account (Connect onboarding through an account link)', () => {
  it('creates a Standard account that cannot take charges until onboarding is done', async () => {
    const account = await stripe.accounts.create({
      controller: {
        fees: { payer: 'account' },
        losses: { payments: 'stripe' },
        requirement_collection: 'stripe',
        stripe_dashboard: { type: 'full' },
      },
      country: 'FI',
      email: 'omistaja@example.fi',
      business_profile: { name: 'Työnohjaus Virtanen Oy' },
    });
    expect(account.id).toMatch(/^acct_\w{24}$/);
    expect(account.business_profile?.name).toBe('Työnohjaus Virtanen Oy');
    expect(account.type).toBe('standard');
    expect(account.controller?.stripe_dashboard?.type).toBe('full');
    expect(account.charges_enabled).toBe(false);
    expect(account.details_submitted).toBe(false);
    expect(account.requirements?.currently_due).not.toEqual([]);
  });

  it('refuses business profile fields it does not keep', async () => {
    await expect(
      stripe.accounts.create({ type: 'standard', business_profile: { mcc: '8299' } }),
    ).rejects.toMatchObject({ type: 'StripeInvalidRequestError', code: 'parameter_unknown' });
  });

  it('refuses type and controller together', async () => {
    await expect(
      stripe.accounts.create({
        type: 'standard',
        controller: { stripe_dashboard: { type: 'full' } },
      }),
    ).rejects.toMatchObject({ type: 'StripeInvalidRequestError', code: 'parameters_exclusive' });
  });

  it('onboards through the link page, emits account.updated and returns to the app', async () => {
    const account = await stripe.accounts.create({ type: 'standard' });
    const link = await stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      refresh_url: 'https://app.example/billing/connect/refresh',
      return_url: 'https://app.example/billing/connect/return',
    });
    expect(link.expires_at - link.created).toBe(300);
    expect(link.url.startsWith(`${standin.origin}/standin/onboarding/${account.id}?`)).toBe(true);

    const submitted = await pressCompleteOnboarding(link.url);
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get('location')).toBe('https://app.example/billing/connect/return');

    const onboarded = await stripe.accounts.retrieve(account.id);
    expect(onboarded.details_submitted).toBe(true);
    expect(onboarded.charges_enabled).toBe(true);
    expect(onboarded.requirements?.currently_due).toEqual([]);
    expect(onboarded.requirements?.disabled_reason).toBeNull();

    await standin.webhooks.flush();
    const update = receiver.received.find(
      (r) => r.event.type === 'account.updated' && r.event.account === account.id,
    );
    expect(update?.event.data.object).toMatchObject({ id: account.id, charges_enabled: true });
  });

  it('sends a used or expired link to refresh_url', async () => {
    const account = await stripe.accounts.create({ type: 'standard' });
    const urls = {
      refresh_url: 'https://app.example/refresh',
      return_url: 'https://app.example/return',
    };
    const used = await stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      ...urls,
    });
    expect((await fetch(used.url)).status).toBe(200);
    const again = await fetch(used.url, { redirect: 'manual' });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(urls.refresh_url);

    const stale = await stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      ...urls,
    });
    standin.clock.advance(301_000);
    const expired = await fetch(stale.url, { redirect: 'manual' });
    expect(expired.headers.get('location')).toBe(urls.refresh_url);
    expect((await stripe.accounts.retrieve(account.id)).details_submitted).toBe(false);
  });

  it('answers GET /v1/account for the platform and, with Stripe-Account, for that account', async () => {
    const platform = await stripe.accounts.retrieveCurrent();
    expect(platform.id).toBe(standin.accounts.platformId);
    const account = await stripe.accounts.create({ type: 'standard' });
    const current = await stripe.accounts.retrieveCurrent(undefined, { stripeAccount: account.id });
    expect(current.id).toBe(account.id);
  });

  it('refuses an unknown connected account and platform-only calls made for an account', async () => {
    await expect(
      stripe.customers.create({ name: 'X' }, { stripeAccount: 'acct_doesnotexist0000000000' }),
    ).rejects.toMatchObject({ type: 'StripePermissionError', statusCode: 403 });
    const account = await stripe.accounts.create({ type: 'standard' });
    await expect(
      stripe.accountLinks.create(
        {
          account: account.id,
          type: 'account_onboarding',
          refresh_url: 'https://a.example/r',
          return_url: 'https://a.example/s',
        },
        { stripeAccount: account.id },
      ),
    ).rejects.toMatchObject({ type: 'StripeInvalidRequestError' });
    await expect(stripe.accounts.retrieve('acct_doesnotexist0000000000')).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
  });
});
