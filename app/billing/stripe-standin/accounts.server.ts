import type Stripe from 'stripe';

import { newId, unixSeconds } from './clock.server';
import { invalidParam, missingParam, noSuch } from './errors.server';
import { mergeMetadata, type Params } from './form.server';
import type { RequestContext, Route } from './route.server';
import { emptyAccountData, type Engine, find, type RequestTrace } from './state.server';

/** An account link lives five minutes (docs.stripe.com/api/account_links/object). */
const ACCOUNT_LINK_LIFETIME_S = 300;

/** What Stripe asks of a new account before it can take payments; onboarding clears it. */
const ONBOARDING_REQUIREMENTS = [
  'business_profile.url',
  'external_account',
  'representative.first_name',
  'representative.last_name',
  'tos_acceptance.date',
  'tos_acceptance.ip',
];

/**
 * The controller properties of a Standard account (docs.stripe.com/connect/
 * migrate-to-controller-properties): its own full Dashboard, pays its own fees, Stripe bears
 * losses and collects requirements.
 */
const STANDARD_CONTROLLER: Stripe.Account.Controller = {
  type: 'application',
  is_controller: true,
  fees: { payer: 'account' },
  losses: { payments: 'stripe' },
  requirement_collection: 'stripe',
  stripe_dashboard: { type: 'full' },
};

export function newAccount(
  engine: Pick<Engine, 'clock'>,
  fields: Partial<Stripe.Account> & Pick<Stripe.Account, 'type'>,
): Stripe.Account {
  return {
    id: newId('acct'),
    object: 'account',
    business_profile: null,
    business_type: null,
    charges_enabled: false,
    country: 'FI',
    created: unixSeconds(engine.clock),
    default_currency: 'eur',
    details_submitted: false,
    email: null,
    metadata: {},
    payouts_enabled: false,
    requirements: pendingRequirements(),
    settings: null,
    ...fields,
  };
}

function pendingRequirements(): Stripe.Account.Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [...ONBOARDING_REQUIREMENTS],
    disabled_reason: 'requirements.past_due',
    errors: [],
    eventually_due: [...ONBOARDING_REQUIREMENTS],
    past_due: [...ONBOARDING_REQUIREMENTS],
    pending_verification: [],
  };
}

/** The platform itself: onboarded long ago, with nothing due. */
export function newPlatform(engine: Pick<Engine, 'clock'>): {
  account: Stripe.Account;
  data: ReturnType<typeof emptyAccountData>;
} {
  const account = newAccount(engine, { type: 'standard', email: 'platform@ohjaamo.invalid' });
  account.controller = { is_controller: false, type: 'account' };
  completeRequirements(account);
  return { account, data: emptyAccountData() };
}

function completeRequirements(account: Stripe.Account): void {
  account.details_submitted = true;
  account.charges_enabled = true;
  account.payouts_enabled = true;
  account.requirements = {
    ...pendingRequirements(),
    currently_due: [],
    eventually_due: [],
    past_due: [],
    disabled_reason: null,
  };
}

/**
 * What pressing the button on the onboarding page does: the account submits its details,
 * may take charges and get payouts, and the platform hears of it as `account.updated`.
 */
export function completeOnboarding(
  engine: Engine,
  accountId: string,
  request: RequestTrace | null,
): Stripe.Account {
  const connected = engine.connected.get(accountId);
  if (!connected) throw noSuch('account', accountId);
  const { account } = connected;
  const changed = !account.details_submitted || !account.charges_enabled;
  completeRequirements(account);
  if (changed) engine.emit(accountId, 'account.updated', account, request);
  return account;
}

function controllerFrom(params: Params): Stripe.Account.Controller {
  const controller = params.object('controller');
  if (!controller) return { ...STANDARD_CONTROLLER };
  controller.allowOnly(['fees', 'losses', 'requirement_collection', 'stripe_dashboard']);
  return {
    type: 'application',
    is_controller: true,
    fees: { payer: controller.object('fees')?.string('payer') ?? 'account' },
    losses: { payments: controller.object('losses')?.string('payments') ?? 'stripe' },
    requirement_collection:
      controller.oneOf('requirement_collection', ['stripe', 'application']) ?? 'stripe',
    stripe_dashboard: { type: controller.object('stripe_dashboard')?.string('type') ?? 'full' },
  };
}

/** Accounts v1 reports `type: standard` for controller settings that match a Standard one. */
function typeOf(controller: Stripe.Account.Controller): Stripe.Account.Type {
  const standard =
    controller.fees?.payer === 'account' &&
    controller.losses?.payments === 'stripe' &&
    controller.requirement_collection === 'stripe' &&
    controller.stripe_dashboard?.type === 'full';
  return standard ? 'standard' : 'none';
}

function createAccount({ engine, params }: RequestContext): Stripe.Account {
  params.allowOnly([
    'type',
    'controller',
    'country',
    'email',
    'metadata',
    'default_currency',
    'business_profile',
  ]);
  const type = params.oneOf('type', ['standard', 'express', 'custom']);
  if (type && params.has('controller')) {
    throw invalidParam(
      'controller',
      'You cannot specify both `type` and `controller`; use the controller properties alone.',
      'parameters_exclusive',
    );
  }
  const currency = params.string('default_currency') ?? 'eur';
  if (currency !== 'eur') {
    throw invalidParam('default_currency', 'The stand-in keeps accounts in eur only.');
  }
  const controller = type ? { ...STANDARD_CONTROLLER } : controllerFrom(params);
  const account = newAccount(engine, {
    type: type ?? typeOf(controller),
    controller,
    country: params.string('country') ?? 'FI',
    email: params.string('email') ?? null,
    business_profile: businessProfileFrom(params),
    metadata: mergeMetadata({}, params.metadata()),
  });
  engine.connected.set(account.id, { account, data: emptyAccountData() });
  return account;
}

/** The public name and website only: what the app sends; Stripe asks the rest in onboarding. */
function businessProfileFrom(params: Params): Stripe.Account.BusinessProfile | null {
  const profile = params.object('business_profile');
  if (!profile) return null;
  profile.allowOnly(['name', 'url']);
  return {
    mcc: null,
    minority_owned_business_designation: null,
    name: profile.string('name') ?? null,
    specified_commercial_transactions_act_url: null,
    support_address: null,
    support_email: null,
    support_phone: null,
    support_url: null,
    url: profile.string('url') ?? null,
  };
}

function retrieveAccount({ engine, ids }: RequestContext): Stripe.Account {
  const id = ids[0] ?? '';
  if (id === engine.platform.account.id) return engine.platform.account;
  return find(engine.connected, 'account', id).account;
}

/** `GET /v1/account`: the platform, or with `Stripe-Account` the connected account. */
function retrieveCurrentAccount({ engine, accountId }: RequestContext): Stripe.Account {
  if (accountId === null) return engine.platform.account;
  return find(engine.connected, 'account', accountId).account;
}

function createAccountLink({ engine, params }: RequestContext): Stripe.AccountLink {
  params.allowOnly(['account', 'type', 'refresh_url', 'return_url', 'collect']);
  const accountId = params.requiredString('account');
  if (!engine.connected.has(accountId)) throw noSuch('account', accountId, 'account');
  const type = params.oneOf('type', ['account_onboarding', 'account_update']);
  if (!type) throw missingParam('type');
  // Stripe's reference lists both as required for onboarding links; the page needs both.
  const refreshUrl = urlParam(params, 'refresh_url');
  const returnUrl = urlParam(params, 'return_url');
  const created = unixSeconds(engine.clock);
  const token = newId('link').slice('link_'.length);
  const expiresAt = created + ACCOUNT_LINK_LIFETIME_S;
  engine.accountLinks.set(token, { accountId, expiresAt, refreshUrl, returnUrl, used: false });
  const url = `${engine.origin}/standin/onboarding/${encodeURIComponent(accountId)}?link=${token}`;
  return { object: 'account_link', created, expires_at: expiresAt, url };
}

function urlParam(params: Params, key: string): string {
  const value = params.requiredString(key);
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw invalidParam(key, `Not a valid URL: ${value}`, 'url_invalid');
  }
  return value;
}

export const accountRoutes: Route[] = [
  { method: 'POST', path: '/v1/accounts', platformOnly: true, handle: createAccount },
  { method: 'GET', path: '/v1/accounts/:id', platformOnly: true, handle: retrieveAccount },
  { method: 'GET', path: '/v1/account', handle: retrieveCurrentAccount },
  { method: 'POST', path: '/v1/account_links', platformOnly: true, handle: createAccountLink },
];
