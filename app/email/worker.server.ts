import type { Db } from '#db/client';
import type { OutboxMessage } from '#db/schema';
import type { NoteKeyring } from '~/security/sealing.server';

import {
  claimDueMessages,
  LEASE_MS,
  type MailCalendarPart,
  markFailedAttempt,
  markSent,
  renewClaim,
} from './outbox.server';
import { unsealBody } from './sealed-link.server';

export interface MailTransport {
  send(message: {
    /** The outbox row's id: the same for every attempt at one message (its Message-ID). */
    id: string;
    to: string;
    subject: string;
    text: string;
    calendar?: MailCalendarPart | undefined;
  }): Promise<void>;
}

export interface OutboxRunResult {
  sent: number;
  failed: number;
}

/**
 * After a message went out, how long marking it sent is retried while the database does not
 * answer (a restart, a short outage). Kept well inside the lease, so no other worker can
 * have taken the message over meanwhile; past it the message may be sent a second time,
 * with the same Message-ID, which lets mail programs drop the copy.
 */
const MARK_SENT_PATIENCE_MS = LEASE_MS / 4;
const MARK_SENT_RETRY_MS = 500;
/** Messages of a batch sent at once (over the SMTP transport's pooled connections). */
const PARALLEL_SENDS = 4;

/**
 * Delivers every message that is due now, one batch at a time. A sealed link is unsealed
 * only here, just before sending, and deleted with the body once the mail is sent. Any
 * number of workers, in one process or in several app instances, may run this at once:
 * each message is claimed by one of them (see claimDueMessages) and sent once.
 */
export async function deliverDueMail(
  db: Db,
  transport: MailTransport,
  {
    keyring,
    batchSize = 20,
    now = () => new Date(),
  }: { keyring: NoteKeyring; batchSize?: number; now?: () => Date },
): Promise<OutboxRunResult> {
  const result: OutboxRunResult = { sent: 0, failed: 0 };
  const deliver = async (message: OutboxMessage, claimedAt: Date) => {
    // A claim younger than half its lease cannot have been taken over: renew only older ones.
    const stale = now().getTime() - claimedAt.getTime() > LEASE_MS / 2;
    if (stale && !(await renewClaim(db, message, now()))) return;
    try {
      await transport.send({
        id: message.id,
        to: message.toAddress,
        subject: message.subject,
        text: unsealBody(keyring, message) ?? '',
        calendar: calendarPart(message),
      });
    } catch (error) {
      await markFailedAttempt(db, message, describeError(error), now());
      result.failed += 1;
      return;
    }
    await retryWhileDatabaseFails(() => markSent(db, message, now()), MARK_SENT_PATIENCE_MS);
    result.sent += 1;
  };
  for (;;) {
    const claimedAt = now();
    const batch = await claimDueMessages(db, batchSize, claimedAt);
    if (batch.length === 0) return result;
    for (let i = 0; i < batch.length; i += PARALLEL_SENDS) {
      const chunk = batch.slice(i, i + PARALLEL_SENDS);
      // Every send in flight finishes (and is recorded) before an error ends the run.
      const settled = await Promise.allSettled(chunk.map((m) => deliver(m, claimedAt)));
      const failure = settled.find((outcome) => outcome.status === 'rejected');
      if (failure) throw failure.reason;
    }
  }
}

async function retryWhileDatabaseFails(task: () => Promise<void>, patienceMs: number) {
  const giveUpAt = Date.now() + patienceMs;
  for (;;) {
    try {
      return await task();
    } catch (error) {
      if (Date.now() + MARK_SENT_RETRY_MS > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, MARK_SENT_RETRY_MS));
    }
  }
}

function calendarPart(message: OutboxMessage): MailCalendarPart | undefined {
  if (message.calendarMethod === null || message.calendarBody === null) return undefined;
  return { method: message.calendarMethod, content: message.calendarBody };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return 'unknown error';
}

export interface BackgroundLoop {
  stop(): Promise<void>;
}

/**
 * Runs `task` every `intervalMs` until stopped; a run never overlaps the previous one.
 * `stop()` waits for a run in progress, so shutdown does not cut an SMTP exchange short.
 */
export function startLoop(
  task: () => Promise<unknown>,
  intervalMs: number,
  onError: (error: unknown) => void,
): BackgroundLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = task()
      .then(() => undefined, onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
