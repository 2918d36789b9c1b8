/**
 * The billing page and Stripe's way back to it, through the real HTTP stack as a browser
 * without JavaScript uses them, with the stand-in in Stripe's place: without the platform's
 * keys the page says how to set them and nothing breaks; with them the owner connects,
 * onboards on the stand-in's page, comes back to a page that shows payments enabled, and can
 * disconnect after confirming. Only the owner reaches any of it.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { stripeConnections } from '#db/schema';
import { addMember, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import { formBrowser, signedInCookie, startTestApp, type TestApp } from '~/http/test-app';
import type { MemberActor } from '~/practices/actor';

import type { StripeStandin } from './stripe-standin/standin.server';
import { SECRET_KEY, startStandin, WEBHOOK_SECRET } from './stripe-standin/test-fixtures';

/** The public origin Stripe is told to send the owner back to. */
const APP_ORIGIN = 'https://ohjaamo.test';

let database: TestDatabase;
let owner: MemberActor;
const cookies = { owner: '', supervisor: '' };
type Who = keyof typeof cookies;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ owner } = await createPracticeWithOwner(database.db));
  const supervisor = await addMember(database.db, owner.practiceId, 'supervisor');
  cookies.owner = await signedInCookie(database.db, owner.userId);
  cookies.supervisor = await signedInCookie(database.db, supervisor.userId);
}, 60_000);
afterAll(() => database.close());

function browser(app: TestApp) {
  const page = formBrowser(() => app, cookies);
  return {
    get: (path: string, who: Who = 'owner') => page.get(path, who),
    post: (values: Record<string, string>, who: Who = 'owner') =>
      page.post('/billing', who, values),
  };
}

const connectionRow = async () =>
  (
    await database.db
      .select()
      .from(stripeConnections)
      .where(eq(stripeConnections.practiceId, owner.practiceId))
  )[0];

describe('the billing page without Stripe configured', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(database);
  }, 120_000);
  afterAll(() => app.close());

  it('says what to set, and what the invoicing details lack', async () => {
    const response = await browser(app).get('/billing');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Stripeä ei ole otettu käyttöön');
    for (const words of [
      'STRIPE_SECRET_KEY',
      'STRIPE_WEBHOOK_SECRET',
      'STRIPE_API_BASE=http://127.0.0.1:12111',
      'npm run stripe:dev',
    ]) {
      expect(page).toContain(words);
    }
    expect(page).toContain('<li>IBAN-tilinumero</li>');
    expect(page).toContain('href="/settings/invoicing"');
    expect(page).not.toContain('Yhdistä Stripe-tili');
  });

  it('refuses to connect, on the page, and stores nothing', async () => {
    const response = await browser(app).post({ intent: 'connect' });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('Stripeä ei ole otettu käyttöön tällä palvelimella');
    expect(await connectionRow()).toBeUndefined();
  });
});

describe('the billing page with Stripe (the stand-in)', () => {
  let app: TestApp;
  let standin: StripeStandin;
  beforeAll(async () => {
    ({ standin } = await startStandin());
    app = await startTestApp(database, {
      appOrigin: APP_ORIGIN,
      stripe: { secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, apiBase: standin.apiBase },
    });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await standin.close();
  });

  /** The stand-in's onboarding page: open it and press its button; where does it send us? */
  async function completeOnboardingAt(linkUrl: string): Promise<string> {
    const page = await fetch(linkUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
    const token = /name="link" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const submitted = await fetch(new URL(action, linkUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ link: token }),
      redirect: 'manual',
    });
    expect(submitted.status).toBe(303);
    return submitted.headers.get('location') ?? '';
  }

  it('keeps a supervisor out of the page and of Stripe’s way back', async () => {
    const { get, post } = browser(app);
    expect((await get('/billing', 'supervisor')).status).toBe(403);
    expect((await post({ intent: 'connect' }, 'supervisor')).status).toBe(403);
    expect((await get('/billing/connect/return', 'supervisor')).status).toBe(403);
    expect((await get('/billing/connect/refresh', 'supervisor')).status).toBe(403);
    expect(await connectionRow()).toBeUndefined();
  });

  it('connects: to the stand-in’s onboarding, back to the return URL, payments enabled', async () => {
    const { get, post } = browser(app);
    const before = await (await get('/billing')).text();
    expect(before).toContain('Yhdistä Stripe-tili');
    expect(before).not.toContain('STRIPE_SECRET_KEY');

    const connect = await post({ intent: 'connect' });
    expect(connect.status).toBe(303);
    const link = connect.headers.get('location') ?? '';
    expect(link.startsWith(`${standin.origin}/standin/onboarding/acct_`)).toBe(true);

    const waiting = await (await get('/billing')).text();
    expect(waiting).toContain('Maksut eivät ole vielä käytössä');
    expect(waiting).toContain('Stripe pyytää vielä:');
    expect(waiting).toContain('pankkitili, jolle maksut tilitetään');
    expect(waiting).toContain('Jatka Stripessä');

    const returnTo = await completeOnboardingAt(link);
    expect(returnTo).toBe(`${APP_ORIGIN}/billing/connect/return`);
    const back = await get(new URL(returnTo).pathname);
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/billing?returned=1');

    const page = await (await get('/billing?returned=1')).text();
    expect(page).toContain('Tervetuloa takaisin Stripestä');
    expect(page).toContain('Maksut käytössä');
    expect(page).toContain('Tili on valmis laskutukseen.');
    expect(page).not.toContain('Stripe pyytää vielä:');
    expect(await connectionRow()).toMatchObject({ chargesEnabled: true, requirementsDue: [] });
  });

  it('sends the owner on from a stale link to a fresh one, changing nothing', async () => {
    const row = await connectionRow();
    const response = await browser(app).get('/billing/connect/refresh');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toContain(
      `${standin.origin}/standin/onboarding/${row?.accountId}?link=`,
    );
    expect(await connectionRow()).toEqual(row);
  });

  it('disconnects only after confirming, keeps the account, and offers to reconnect', async () => {
    const { get, post } = browser(app);
    const row = await connectionRow();
    const confirm = await (await get('/billing?confirm=disconnect')).text();
    expect(confirm).toContain('Katkaistaanko yhteys Stripe-tiliin?');
    expect(confirm).toContain('name="confirmDisconnect" value="yes"');

    const unconfirmed = await post({ intent: 'disconnect' });
    expect(unconfirmed.status).toBe(400);
    expect((await connectionRow())?.disconnectedAt).toBeNull();

    const done = await post({ intent: 'disconnect', confirmDisconnect: 'yes' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/billing?disconnected=1');
    const page = await (await get('/billing?disconnected=1')).text();
    expect(page).toContain('Laskutus on pysäytetty; aiemmat laskut säilyvät.');
    expect(page).toContain('Yhdistä Stripe-tili uudelleen');
    const after = await connectionRow();
    expect(after?.accountId).toBe(row?.accountId);
    expect(after?.disconnectedAt).toBeInstanceOf(Date);

    // A stale link's way back no longer leads to Stripe once disconnected.
    const refresh = await get('/billing/connect/refresh');
    expect(refresh.headers.get('location')).toBe('/billing');
  });
});
