/**
 * Two app instances on one database, each with its own connection pool, deliver every
 * queued mail exactly once to a real SMTP server. On PostgreSQL the two pools are two sets
 * of server connections racing for the same rows; PGlite has one connection, so there the
 * two workers share it (the claims still interleave, statement by statement).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { outbox } from '#db/schema';
import { uniqueEmail } from '#db/testing/factories';
import { testKeyring } from '#db/testing/keyring';
import { secondPoolOn } from '#db/testing/second-pool';
import { createTestDatabase } from '#db/testing/test-database';

import { claimDueMessages, enqueueEmail, LEASE_MS, markSent, renewClaim } from './outbox.server';
import { smtpTransport } from './smtp.server';
import { startSmtpServer } from './smtp-test-server';
import { deliverDueMail } from './worker.server';

let first: Database;
let second: Database;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  first = await createTestDatabase();
  second = await secondPoolOn(first);
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
  if (second !== first) await second.close();
  await first.close();
});

const messageIdOf = (raw: string) => /^message-id: *<([^@>]+)@/im.exec(raw)?.[1];

describe('two instances on one database', () => {
  it('deliver each of many queued mails exactly once', async () => {
    const count = 60;
    for (let i = 0; i < count; i++) {
      await enqueueEmail(first.db, { to: uniqueEmail('race'), subject: `Viesti ${i}`, text: '…' });
    }
    const transports = [first, second].map(() =>
      smtpTransport(smtp.url, 'Ohjaamo <no-reply@ohjaamo.test>'),
    );
    try {
      // Small batches and two loops per instance keep the claims interleaving.
      const runs = await Promise.all(
        [first, second, first, second].map((database, i) =>
          deliverDueMail(database.db, transports[i % 2] as (typeof transports)[number], {
            keyring: testKeyring,
            batchSize: 3,
          }),
        ),
      );
      expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(count);
      expect(runs.every((run) => run.failed === 0)).toBe(true);
    } finally {
      for (const transport of transports) transport.close();
    }

    const rows = await first.db.select().from(outbox);
    expect(rows).toHaveLength(count);
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
    // Every row reached the SMTP server once, under its own Message-ID.
    const received = smtp.received.map((mail) => messageIdOf(mail.raw));
    expect(received).toHaveLength(count);
    expect(new Set(received)).toEqual(new Set(rows.map((row) => row.id)));
  });

  it('a worker whose lease ran out and was taken over neither sends nor records', async () => {
    await first.db.delete(outbox);
    await enqueueEmail(first.db, { to: uniqueEmail('slow'), subject: 'Hidas', text: '…' });
    const start = new Date(Date.now() + 1000);
    const [slow] = await claimDueMessages(first.db, 10, start);
    if (!slow) throw new Error('nothing claimed');
    // Nothing is due for the other instance while the lease holds …
    expect(await claimDueMessages(second.db, 10, new Date(start.getTime() + 1000))).toEqual([]);
    // … and after it ran out, the other instance takes the message over.
    const later = new Date(start.getTime() + LEASE_MS + 1);
    const [takenOver] = await claimDueMessages(second.db, 10, later);
    expect(takenOver?.id).toBe(slow.id);
    expect(takenOver?.attempts).toBe(slow.attempts + 1);

    expect(await renewClaim(first.db, slow, later)).toBe(false);
    await markSent(first.db, slow, later);
    const [row] = await first.db.select().from(outbox).where(eq(outbox.id, slow.id));
    expect(row?.status).toBe('pending');

    if (!takenOver) throw new Error('not taken over');
    expect(await renewClaim(second.db, takenOver, later)).toBe(true);
    await markSent(second.db, takenOver, later);
    const [sent] = await first.db.select().from(outbox).where(eq(outbox.id, slow.id));
    expect(sent?.status).toBe('sent');
  });
});
