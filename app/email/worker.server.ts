import type { Db } from '#db/client';
import type { OutboxMessage } from '#db/schema';
import type { NoteKeyring } from '~/security/sealing.server';

import {
  claimDueMessages,
  type MailCalendarPart,
  markFailedAttempt,
  markSent,
} from './outbox.server';
import { unsealBody } from './sealed-link.server';

export interface MailTransport {
  send(message: {
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
 * Delivers every message that is due now, one batch at a time. A sealed link is unsealed
 * only here, just before sending, and deleted with the body once the mail is sent.
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
  for (;;) {
    const batch = await claimDueMessages(db, batchSize, now());
    if (batch.length === 0) return result;
    for (const message of batch) {
      try {
        await transport.send({
          to: message.toAddress,
          subject: message.subject,
          text: unsealBody(keyring, message) ?? '',
          calendar: calendarPart(message),
        });
        await markSent(db, message.id, now());
        result.sent += 1;
      } catch (error) {
        await markFailedAttempt(db, message, describeError(error), now());
        result.failed += 1;
      }
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
