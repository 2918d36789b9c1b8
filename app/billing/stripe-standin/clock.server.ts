import { randomBytes } from 'node:crypto';

/**
 * The stand-in's own time: real time plus whatever a test has advanced it by. Object
 * timestamps, account-link expiry and the 24-hour memory of idempotency keys follow it, so a
 * test can jump a day without waiting one.
 */
export interface Clock {
  /** Milliseconds since the epoch, stand-in time. */
  now(): number;
  advance(ms: number): void;
}

export function createClock(): Clock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forward');
      offset += ms;
    },
  };
}

/** Seconds since the epoch, as Stripe's `created` and other timestamps are. */
export function unixSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000);
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** An id shaped like Stripe's: a type prefix and 24 random alphanumerics (`in_1Q…`). */
export function newId(prefix: string): string {
  const bytes = randomBytes(24);
  let suffix = '';
  for (const byte of bytes) suffix += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${suffix}`;
}

/** Upper-case letters and digits, as in Stripe's customer invoice prefixes (`A1B2C3D4`). */
export function newInvoicePrefix(): string {
  return newId('x').slice(2, 10).toUpperCase();
}

/**
 * A small seedable generator (mulberry32) for the webhook switches: a test that shuffles or
 * duplicates events with a seed sees the same order every run.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
