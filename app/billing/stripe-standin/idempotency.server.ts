import type { Clock } from './clock.server';
import { StandinError } from './errors.server';
import type { FormObject } from './form.server';

/** Stripe forgets keys once they are at least 24 hours old (docs.stripe.com/api/idempotent_requests). */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface StoredResponse {
  status: number;
  body: string;
}

interface Entry {
  fingerprint: string;
  response: StoredResponse;
  storedAt: number;
}

/**
 * Idempotency keys per account (the platform's keys and each connected account's are apart,
 * as Stripe scopes them): the first response to a key is replayed for a repeat with the same
 * method, path and parameters, and a repeat with other parameters is refused.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  /** The stored response for this key, or null when the request should run. */
  replay(
    scope: string,
    key: string,
    request: { method: string; path: string; params: FormObject },
  ): StoredResponse | null {
    this.forgetExpired();
    const entry = this.entries.get(entryKey(scope, key));
    if (!entry) return null;
    if (entry.fingerprint !== fingerprint(request)) {
      throw new StandinError({
        status: 400,
        type: 'idempotency_error',
        message:
          'Keys for idempotent requests can only be used with the same parameters they were ' +
          `first used with. Try using a key other than '${key}' if you meant to execute a ` +
          'different request.',
      });
    }
    return entry.response;
  }

  remember(
    scope: string,
    key: string,
    request: { method: string; path: string; params: FormObject },
    response: StoredResponse,
  ): void {
    this.entries.set(entryKey(scope, key), {
      fingerprint: fingerprint(request),
      response,
      storedAt: this.clock.now(),
    });
  }

  private forgetExpired(): void {
    const cutoff = this.clock.now() - KEY_LIFETIME_MS;
    for (const [key, entry] of this.entries) {
      if (entry.storedAt <= cutoff) this.entries.delete(key);
    }
  }
}

function entryKey(scope: string, key: string): string {
  return `${scope}\u0000${key}`;
}

/** Method, path and parameters, with object keys sorted so field order does not matter. */
function fingerprint(request: { method: string; path: string; params: FormObject }): string {
  return JSON.stringify([request.method, request.path, sortKeys(request.params)]);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const entries: [string, unknown][] = Object.entries(value);
    return Object.fromEntries(
      entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
