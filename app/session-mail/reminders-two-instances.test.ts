/**
 * Every app instance sweeps for due reminders; two instances with their own connection
 * pools on one database still queue each reminder once (the claim in session_reminders).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { clients, outbox } from '#db/schema';
import { testContext } from '#db/testing/context';
import { uniqueEmail } from '#db/testing/factories';
import { secondPoolOn } from '#db/testing/second-pool';
import { createTestDatabase } from '#db/testing/test-database';
import { bookSession } from '~/sessions/booking.server';
import { groupContract, hours, now, sessionFixtures } from '~/sessions/test-fixtures';

import { queueDueReminders } from './reminders.server';

let first: Database;
let second: Database;
beforeAll(async () => {
  first = await createTestDatabase();
  second = await secondPoolOn(first);
});
afterAll(async () => {
  if (second !== first) await second.close();
  await first.close();
});

const { supervisorWithContract } = sessionFixtures(() => first.db);

describe('reminders with two instances on one database', () => {
  it('queue each participant’s reminder of each session once', async () => {
    const { actor } = await supervisorWithContract();
    const { contractId, maria, olli } = await groupContract(first.db, actor);
    const addresses = [uniqueEmail('maria'), uniqueEmail('olli')];
    await first.db.update(clients).set({ email: addresses[0] }).where(eq(clients.id, maria));
    await first.db.update(clients).set({ email: addresses[1] }).where(eq(clients.id, olli));
    const sessions = 12;
    for (let i = 0; i < sessions; i++) {
      await bookSession(testContext(first.db, now), actor, {
        contractId,
        startsAt: hours(30 + i * 2),
        confirmPast: false,
        bookAsExtra: true,
      });
    }
    // Each session's booking mail is not what this test counts.
    await first.db.delete(outbox);

    const at = hours(29);
    const queued = await Promise.all(
      [first, second, first, second].map((database) =>
        queueDueReminders(database.db, { now: at, batchSize: 5 }),
      ),
    );

    const reminders = await first.db.select().from(outbox);
    expect(queued.reduce((sum, n) => sum + n, 0)).toBe(sessions * 2);
    expect(reminders).toHaveLength(sessions * 2);
    const perAddressAndSubject = new Set(reminders.map((m) => `${m.toAddress} ${m.subject}`));
    expect(perAddressAndSubject.size).toBe(sessions * 2);
    // A sweep later on either instance finds nothing left to do.
    expect(await queueDueReminders(second.db, { now: hours(29.5) })).toBe(0);
  });
});
