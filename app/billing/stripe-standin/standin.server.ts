import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type Stripe from 'stripe';

import { STRIPE_API_VERSION } from '~/billing/stripe.server';

import { completeOnboarding, newPlatform } from './accounts.server';
import { createClock, newId, unixSeconds } from './clock.server';
import { StandinError } from './errors.server';
import { decodeForm, type FormObject } from './form.server';
import { IdempotencyStore } from './idempotency.server';
import { failPayment, payOnHostedPage } from './invoice-lifecycle.server';
import { handlePage, type PageResponse } from './pages.server';
import { type ApiResponse, handleApiRequest } from './router.server';
import type { Engine } from './state.server';
import { type WebhookDelivery, WebhookDispatcher } from './webhooks.server';

export interface StandinOptions {
  /** The secret key requests must carry (`Authorization: Bearer …`). */
  secretKey: string;
  /** 0 (a free port) by default. */
  port?: number;
  host?: string;
  /** Where to POST signed webhook events; also settable later with `webhooks.setTarget`. */
  webhook?: { url: string; secret: string };
  /** Seeds the webhook switches' randomness (duplicates by rate, reordering). */
  seed?: number;
  webhookMaxAttempts?: number;
  webhookRetryDelayMs?: number;
  /** Where failed webhook deliveries (and, with `logRequests`, every request) are told. */
  log?: (line: string) => void;
  logRequests?: boolean;
}

/** One request as the stand-in received it, for tests to assert on. */
export interface LoggedRequest {
  method: string;
  path: string;
  query: FormObject;
  /** The decoded form body (`a[b][0]=c` → `{ a: { b: ['c'] } }`). */
  body: FormObject;
  stripeAccount: string | null;
  idempotencyKey: string | null;
  stripeVersion: string | null;
  status: number;
  replayed: boolean;
}

export interface StripeStandin {
  origin: string;
  /** The value for STRIPE_API_BASE. */
  apiBase: string;
  requests: readonly LoggedRequest[];
  accounts: {
    platformId: string;
    retrieve(id: string): Stripe.Account | undefined;
    list(): Stripe.Account[];
  };
  webhooks: {
    setTarget(url: string, secret: string): void;
    duplicate(setting: { count: number } | { rate: number }): void;
    delay(ms: number): void;
    reorder(on: boolean, seed?: number): void;
    pause(): void;
    resume(): Promise<void>;
    flush(): Promise<void>;
    readonly events: readonly Stripe.EventBase[];
    readonly deliveries: readonly WebhookDelivery[];
  };
  simulate: {
    completeOnboarding(accountId: string): Stripe.Account;
    pay(accountId: string, invoiceId: string): Stripe.Invoice;
    failPayment(accountId: string, invoiceId: string): Stripe.Invoice;
    /** Hides invoices younger than this from search, as Stripe's search may lag. */
    searchLag(ms: number): void;
  };
  clock: { now(): number; advance(ms: number): void };
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;

/**
 * A local server that speaks the part of Stripe's API Ohjaamo uses, for the real SDK pointed
 * at it with STRIPE_API_BASE (ADR 016). In-process for tests (port 0), or `npm run
 * stripe:dev` beside the app.
 */
export async function createStripeStandin(options: StandinOptions): Promise<StripeStandin> {
  const log = options.log ?? (() => {});
  const clock = createClock();
  const dispatcher = new WebhookDispatcher({
    seed: options.seed ?? 1,
    maxAttempts: options.webhookMaxAttempts ?? 3,
    retryDelayMs: options.webhookRetryDelayMs ?? 100,
    log,
  });
  if (options.webhook) dispatcher.setTarget(options.webhook.url, options.webhook.secret);
  const engine: Engine = {
    clock,
    origin: '',
    platform: newPlatform({ clock }),
    connected: new Map(),
    accountLinks: new Map(),
    searchLagMs: 0,
    emit(accountId, type, object, request) {
      dispatcher.enqueue({
        id: newId('evt'),
        object: 'event',
        ...(accountId ? { account: accountId } : {}),
        api_version: STRIPE_API_VERSION,
        created: unixSeconds(clock),
        // A snapshot: later changes to the object do not reach an event already emitted.
        data: { object: JSON.parse(JSON.stringify(object)) },
        livemode: false,
        pending_webhooks: 1,
        request: { id: request?.id ?? null, idempotency_key: request?.idempotencyKey ?? null },
        type,
      });
    },
  };
  const idempotency = new IdempotencyStore(clock);
  const requests: LoggedRequest[] = [];

  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => respond(req, res, body))
      .catch((error: unknown) => {
        log(`stand-in request failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
  });

  function respond(req: IncomingMessage, res: ServerResponse, rawBody: string): void {
    const url = new URL(req.url ?? '/', engine.origin);
    const method = req.method ?? 'GET';
    const entry: LoggedRequest = {
      method,
      path: url.pathname,
      query: {},
      body: {},
      stripeAccount: header(req, 'stripe-account'),
      idempotencyKey: header(req, 'idempotency-key'),
      stripeVersion: header(req, 'stripe-version'),
      status: 0,
      replayed: false,
    };
    requests.push(entry);
    if (url.pathname.startsWith('/standin/')) {
      const page = servePage(method, url, rawBody);
      entry.status = page.status;
      res.writeHead(page.status, page.headers).end(page.body);
      return;
    }
    let result: ApiResponse;
    try {
      entry.query = decodeForm(url.search.slice(1));
      entry.body = decodeForm(rawBody);
      result = handleApiRequest(engine, idempotency, options.secretKey, {
        method,
        path: url.pathname,
        authorization: header(req, 'authorization') ?? undefined,
        stripeAccount: entry.stripeAccount,
        idempotencyKey: entry.idempotencyKey,
        params: method === 'POST' ? entry.body : entry.query,
      });
    } catch (error) {
      if (!(error instanceof StandinError)) throw error;
      result = {
        status: error.status,
        body: JSON.stringify(error.body),
        requestId: newId('req'),
        replayed: false,
      };
    }
    entry.status = result.status;
    entry.replayed = result.replayed;
    if (options.logRequests) {
      const account = entry.stripeAccount ? ` [${entry.stripeAccount}]` : '';
      log(
        `${method} ${url.pathname}${account} → ${result.status}${result.replayed ? ' (replayed)' : ''}`,
      );
    }
    res
      .writeHead(result.status, {
        'Content-Type': 'application/json',
        'Request-Id': result.requestId,
        'Stripe-Version': entry.stripeVersion ?? STRIPE_API_VERSION,
        ...(entry.stripeAccount ? { 'Stripe-Account': entry.stripeAccount } : {}),
        ...(entry.idempotencyKey ? { 'Idempotency-Key': entry.idempotencyKey } : {}),
        ...(result.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
      })
      .end(result.body);
  }

  function servePage(method: string, url: URL, rawBody: string): PageResponse {
    try {
      const page = handlePage(engine, method, url, new URLSearchParams(rawBody));
      if (page) return page;
      return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not found' };
    } catch (error) {
      if (!(error instanceof StandinError)) throw error;
      return {
        status: error.status,
        headers: { 'Content-Type': 'text/plain' },
        body: error.message,
      };
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  engine.origin = `http://${hostForUrl}:${address.port}`;

  const connectedOnly = (accountId: string) =>
    accountId === engine.platform.account.id ? null : accountId;
  return {
    origin: engine.origin,
    apiBase: engine.origin,
    requests,
    accounts: {
      platformId: engine.platform.account.id,
      retrieve: (id) =>
        id === engine.platform.account.id
          ? engine.platform.account
          : engine.connected.get(id)?.account,
      list: () => [
        engine.platform.account,
        ...[...engine.connected.values()].map((c) => c.account),
      ],
    },
    webhooks: {
      setTarget: (url, secret) => dispatcher.setTarget(url, secret),
      duplicate: (setting) => dispatcher.duplicate(setting),
      delay: (ms) => dispatcher.delay(ms),
      reorder: (on, seed) => dispatcher.reorder(on, seed),
      pause: () => dispatcher.pause(),
      resume: () => dispatcher.resume(),
      flush: () => dispatcher.flush(),
      events: dispatcher.events,
      deliveries: dispatcher.deliveries,
    },
    simulate: {
      completeOnboarding: (accountId) => completeOnboarding(engine, accountId, null),
      pay: (accountId, invoiceId) => payOnHostedPage(engine, connectedOnly(accountId), invoiceId),
      failPayment: (accountId, invoiceId) =>
        failPayment(engine, connectedOnly(accountId), invoiceId),
      searchLag: (ms) => {
        engine.searchLagMs = ms;
      },
    },
    clock: { now: () => clock.now(), advance: (ms) => clock.advance(ms) },
    async close() {
      await dispatcher.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
