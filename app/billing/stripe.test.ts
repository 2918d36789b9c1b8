import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';

import { loadConfig } from '~/config.server';

import { createStripe, STRIPE_API_VERSION } from './stripe.server';

describe('Stripe configuration', () => {
  it('leaves billing off without a secret key or a webhook secret', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).stripe).toBeNull();
    expect(createStripe(loadConfig({ NODE_ENV: 'test' }))).toBeNull();
    expect(
      createStripe(loadConfig({ NODE_ENV: 'test', STRIPE_SECRET_KEY: 'sk_test_x' })),
    ).toBeNull();
    expect(
      createStripe(loadConfig({ NODE_ENV: 'test', STRIPE_WEBHOOK_SECRET: 'whsec_x' })),
    ).toBeNull();
    // An empty variable is not a key.
    expect(
      loadConfig({ NODE_ENV: 'test', STRIPE_SECRET_KEY: '', STRIPE_WEBHOOK_SECRET: 'whsec_x' })
        .stripe,
    ).toBeNull();
  });

  it('reads the keys and an API base that is an http(s) origin', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      STRIPE_SECRET_KEY: 'sk_test_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
      STRIPE_API_BASE: 'http://127.0.0.1:12111/',
    });
    expect(config.stripe).toEqual({
      secretKey: 'sk_test_x',
      webhookSecret: 'whsec_x',
      apiBase: 'http://127.0.0.1:12111',
    });
    expect(createStripe(config)).toBeInstanceOf(Stripe);
    expect(() =>
      loadConfig({ NODE_ENV: 'test', STRIPE_API_BASE: 'ftp://127.0.0.1:12111' }),
    ).toThrow(/STRIPE_API_BASE/);
    expect(() =>
      loadConfig({ NODE_ENV: 'test', STRIPE_API_BASE: 'http://127.0.0.1:12111/v1' }),
    ).toThrow(/STRIPE_API_BASE/);
  });

  it('pins the SDK to the API version its types describe', () => {
    expect(STRIPE_API_VERSION).toBe(Stripe.API_VERSION);
  });
});
