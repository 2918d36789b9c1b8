import { accountRoutes } from './accounts.server';
import { newId } from './clock.server';
import { creditNoteRoutes } from './credit-notes.server';
import { customerRoutes } from './customers.server';
import { StandinError } from './errors.server';
import { type FormObject, Params } from './form.server';
import type { IdempotencyStore } from './idempotency.server';
import { invoiceItemRoutes } from './invoice-items.server';
import { invoiceLifecycleRoutes } from './invoice-lifecycle.server';
import { invoiceRoutes } from './invoices.server';
import type { Route } from './route.server';
import type { Engine } from './state.server';

const routes: { route: Route; pattern: RegExp }[] = [
  ...accountRoutes,
  ...customerRoutes,
  ...invoiceItemRoutes,
  ...invoiceRoutes,
  ...invoiceLifecycleRoutes,
  ...creditNoteRoutes,
].map((route) => ({
  route,
  pattern: new RegExp(`^${route.path.replaceAll(/:[a-z]+/g, '([^/]+)')}$`),
}));

export interface ApiRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  stripeAccount: string | null;
  idempotencyKey: string | null;
  /** The form body for POST, the query for GET and DELETE. */
  params: FormObject;
}

export interface ApiResponse {
  status: number;
  body: string;
  requestId: string;
  replayed: boolean;
}

/**
 * One API request from the SDK: authentication, the connected account, idempotency, then
 * the endpoint. Every answer is Stripe-shaped JSON.
 */
export function handleApiRequest(
  engine: Engine,
  idempotency: IdempotencyStore,
  secretKey: string,
  request: ApiRequest,
): ApiResponse {
  const requestId = newId('req');
  const answer = (status: number, value: object, replayed = false): ApiResponse => ({
    status,
    body: JSON.stringify(value, null, 2),
    requestId,
    replayed,
  });
  try {
    authenticate(request.authorization, secretKey);
    const match = findRoute(request.method, request.path);
    const { route, ids } = match;
    const accountId = request.stripeAccount;
    if (accountId !== null) {
      if (route.platformOnly) throw platformOnly();
      if (!engine.connected.has(accountId)) throw noAccess(secretKey, accountId);
    }
    // Keys have no effect on GET and DELETE, which are idempotent by definition.
    const key = request.method === 'POST' ? request.idempotencyKey : null;
    const scope = accountId ?? 'platform';
    const fingerprint = { method: request.method, path: request.path, params: request.params };
    if (key) {
      const stored = idempotency.replay(scope, key, fingerprint);
      if (stored) return { ...stored, requestId, replayed: true };
    }
    const data = accountId === null ? engine.platform.data : engine.connected.get(accountId)?.data;
    if (!data) throw noAccess(secretKey, accountId ?? '');
    let response: ApiResponse;
    try {
      const params = new Params(request.params);
      const trace = { id: requestId, idempotencyKey: request.idempotencyKey };
      response = answer(200, route.handle({ engine, accountId, data, params, ids, trace }));
    } catch (error) {
      if (!(error instanceof StandinError) || !error.replayable) throw error;
      response = answer(error.status, error.body);
    }
    if (key) idempotency.remember(scope, key, fingerprint, response);
    return response;
  } catch (error) {
    if (error instanceof StandinError) return answer(error.status, error.body);
    const message = error instanceof Error ? error.message : String(error);
    return answer(500, { error: { type: 'api_error', message: `Stand-in failure: ${message}` } });
  }
}

function authenticate(authorization: string | undefined, secretKey: string): void {
  if (!authorization) {
    throw new StandinError({
      status: 401,
      message:
        'You did not provide an API key. You need to provide your API key in the Authorization ' +
        "header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    });
  }
  const key = keyFrom(authorization);
  if (key !== secretKey) {
    throw new StandinError({
      status: 401,
      message: `Invalid API Key provided: ${redact(key)}`,
    });
  }
}

/** Bearer auth as the SDK sends it, or Basic with the key as user name (`curl -u sk_…:`). */
function keyFrom(authorization: string): string {
  const [scheme = '', credentials = ''] = authorization.split(' ');
  if (scheme === 'Bearer') return credentials;
  if (scheme === 'Basic')
    return Buffer.from(credentials, 'base64').toString('utf8').split(':')[0] ?? '';
  return '';
}

function findRoute(method: string, path: string): { route: Route; ids: string[] } {
  for (const { route, pattern } of routes) {
    if (route.method !== method) continue;
    const match = pattern.exec(path);
    if (match) return { route, ids: match.slice(1).map(decodeURIComponent) };
  }
  throw new StandinError({
    status: 404,
    message:
      `Unrecognized request URL (${method}: ${path}). The stand-in serves only the endpoints ` +
      'Ohjaamo uses (docs/decisions/016-stripe-stand-in.md).',
  });
}

function noAccess(secretKey: string, accountId: string): StandinError {
  return new StandinError({
    status: 403,
    code: 'account_invalid',
    message:
      `The provided key '${redact(secretKey)}' does not have access to account '${accountId}' ` +
      '(or that account does not exist). Application access may have been revoked.',
  });
}

function platformOnly(): StandinError {
  return new StandinError({
    status: 400,
    message: 'This request must be made by the platform, without a Stripe-Account header.',
  });
}

/** Keys are never echoed whole, as Stripe shows only their last four characters. */
function redact(key: string): string {
  return key.length > 8 ? `${key.slice(0, 8)}****${key.slice(-4)}` : '****';
}
