import Stripe from 'stripe';

import { seededRandom } from './clock.server';

export interface WebhookDelivery {
  eventId: string;
  type: string;
  attempt: number;
  /** The receiver's HTTP status, or null when it could not be reached. */
  status: number | null;
  /** When the attempt was sent (real time, ms). */
  at: number;
  error?: string;
}

interface Queued {
  event: Stripe.EventBase;
  payload: string;
}

export interface WebhookOptions {
  seed: number;
  maxAttempts: number;
  retryDelayMs: number;
  log: (line: string) => void;
}

/**
 * Sends events to the app the way Stripe does: a JSON POST signed in the `Stripe-Signature`
 * header, retried when the receiver does not answer 2xx. Stripe promises neither exactly-once
 * nor in-order delivery (docs.stripe.com/webhooks#handle-duplicate-events, #event-ordering);
 * the switches make those cases happen on purpose.
 */
export class WebhookDispatcher {
  /** Every event emitted, in order, whether or not it was delivered. */
  readonly events: Stripe.EventBase[] = [];
  /** Every delivery attempt. */
  readonly deliveries: WebhookDelivery[] = [];

  private target: { url: string; secret: string } | null = null;
  private held: Queued[] = [];
  private paused = false;
  private reordering = false;
  private delayMs = 0;
  private duplicateCount = 0;
  private duplicateRate = 0;
  private random: () => number;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: WebhookOptions) {
    this.random = seededRandom(options.seed);
  }

  setTarget(url: string, secret: string): void {
    this.target = { url, secret };
  }

  /** `{ count }`: the next n events are delivered twice; `{ rate }`: each with that chance. */
  duplicate(setting: { count: number } | { rate: number }): void {
    if ('count' in setting) this.duplicateCount = setting.count;
    else this.duplicateRate = setting.rate;
  }

  /** Waits this long before every delivery. */
  delay(ms: number): void {
    this.delayMs = ms;
  }

  /** While on, events are held and `flush()` delivers them shuffled (seedable). */
  reorder(on: boolean, seed?: number): void {
    this.reordering = on;
    if (seed !== undefined) this.random = seededRandom(seed);
  }

  pause(): void {
    this.paused = true;
  }

  resume(): Promise<void> {
    this.paused = false;
    return this.flush();
  }

  /** Delivers what is held (shuffled when reordering) and waits for every delivery to end. */
  flush(): Promise<void> {
    const batch = this.held;
    this.held = [];
    if (this.reordering) shuffle(batch, this.random);
    for (const queued of batch) this.schedule(queued);
    return this.chain;
  }

  enqueue(event: Stripe.EventBase): void {
    this.events.push(event);
    if (!this.target || this.closed) return;
    const queued = { event, payload: JSON.stringify(event, null, 2) };
    const copies = this.takeDuplicate() ? [queued, queued] : [queued];
    if (this.paused || this.reordering) this.held.push(...copies);
    else for (const copy of copies) this.schedule(copy);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.held = [];
    await this.chain;
  }

  private takeDuplicate(): boolean {
    if (this.duplicateCount > 0) {
      this.duplicateCount -= 1;
      return true;
    }
    return this.duplicateRate > 0 && this.random() < this.duplicateRate;
  }

  /** One delivery at a time, in the order scheduled: the order is the switches' to change. */
  private schedule(queued: Queued): void {
    this.chain = this.chain.then(() => this.deliver(queued));
  }

  private async deliver(queued: Queued): Promise<void> {
    const target = this.target;
    if (!target || this.closed) return;
    if (this.delayMs > 0) await sleep(this.delayMs);
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt += 1) {
      const at = Date.now();
      const outcome = await post(target, queued.payload);
      this.deliveries.push({
        eventId: queued.event.id,
        type: queued.event.type,
        attempt,
        at,
        ...outcome,
      });
      if (outcome.status !== null && outcome.status >= 200 && outcome.status < 300) return;
      if (this.closed) return;
      if (attempt < this.options.maxAttempts) await sleep(this.options.retryDelayMs * attempt);
    }
    this.options.log(
      `webhook ${queued.event.type} ${queued.event.id} not delivered to ${target.url} ` +
        `after ${this.options.maxAttempts} attempts`,
    );
  }
}

async function post(
  target: { url: string; secret: string },
  payload: string,
): Promise<{ status: number | null; error?: string }> {
  try {
    // Signed at sending time with real time: receivers check the timestamp's freshness.
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: target.secret });
    const response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Stripe-Signature': signature,
        'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks) stand-in',
      },
      body: payload,
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    return { status: response.status };
  } catch (error) {
    return { status: null, error: error instanceof Error ? error.message : String(error) };
  }
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const a = items[i];
    const b = items[j];
    if (a === undefined || b === undefined) continue;
    items[i] = b;
    items[j] = a;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
