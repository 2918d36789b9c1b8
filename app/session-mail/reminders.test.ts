import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { clients, outbox } from '#db/schema';
import { loadContextFor, statusOf, testContext } from '#db/testing/context';
import { addMember, uniqueEmail } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import { unwrapActionResult } from '~/forms/respond.server';
import type { MemberActor } from '~/practices/actor';
import * as settingsRoute from '~/routes/_app.settings._index';
import { bookSession, cancelSession, rescheduleSession } from '~/sessions/booking.server';
import { errorOf, groupContract, hours, now, sessionFixtures } from '~/sessions/test-fixtures';

import { getReminderHours, setReminderHours } from './reminder-setting.server';
import { queueDueReminders } from './reminders.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

const { supervisorWithContract } = sessionFixtures(db);

async function giveAddress(clientId: string): Promise<string> {
  const email = uniqueEmail('supervisee');
  await db().update(clients).set({ email }).where(eq(clients.id, clientId));
  return email;
}

const reminders = async (...addresses: string[]) =>
  (await db().select().from(outbox).where(inArray(outbox.toAddress, addresses))).filter((m) =>
    m.subject.startsWith('Muistutus'),
  );

const sweep = (at: Date) => queueDueReminders(db(), { now: at });

/** A practice whose individual contract's supervisee has an address, and a session in 72 h. */
async function sessionInThreeDays() {
  const { actor, contractId, clientId } = await supervisorWithContract();
  const email = await giveAddress(clientId);
  const sessionId = await bookSession(testContext(db(), now), actor, {
    contractId,
    startsAt: hours(72),
    confirmPast: false,
  });
  return { actor, contractId, email, sessionId };
}

describe('session reminders', () => {
  it('reminds each participant with an address once, when the time has come', async () => {
    const { actor } = await supervisorWithContract();
    const { contractId, maria } = await groupContract(db(), actor);
    const email = await giveAddress(maria);
    await bookSession(testContext(db(), now), actor, {
      contractId,
      startsAt: hours(72),
      confirmPast: false,
    });

    await sweep(hours(47));
    expect(await reminders(email)).toHaveLength(0);
    await sweep(hours(49));
    await sweep(hours(50));
    const sent = await reminders(email);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toContain('klo 12.00');
    // A reminder changes nothing in a calendar: no .ics.
    expect(sent[0]?.calendarMethod).toBeNull();
    expect(sent[0]?.calendarBody).toBeNull();
    // Olli has no address: only Maria's mail exists for this practice.
    const all = await db().select().from(outbox).where(eq(outbox.practiceId, actor.practiceId));
    expect(new Set(all.map((m) => m.toAddress))).toEqual(new Set([email]));
  });

  it('never reminds twice when two sweeps run at once', async () => {
    const { email } = await sessionInThreeDays();
    await Promise.all([sweep(hours(49)), sweep(hours(49)), sweep(hours(49))]);
    expect(await reminders(email)).toHaveLength(1);
  });

  it('does not remind of a cancelled session', async () => {
    const { actor, email, sessionId } = await sessionInThreeDays();
    await cancelSession(testContext(db(), hours(1)), actor, sessionId, {
      by: 'supervisor',
      reason: null,
    });
    await sweep(hours(49));
    expect(await reminders(email)).toHaveLength(0);
  });

  it('does not remind of a session already begun or past', async () => {
    const { email } = await sessionInThreeDays();
    await sweep(hours(72));
    await sweep(hours(80));
    expect(await reminders(email)).toHaveLength(0);
  });

  it('reminds again of a session moved to another time', async () => {
    const { actor, email, sessionId } = await sessionInThreeDays();
    await sweep(hours(49));
    await rescheduleSession(testContext(db(), hours(50)), actor, sessionId, {
      startsAt: hours(120),
      confirmPast: false,
    });
    await sweep(hours(90));
    expect(await reminders(email)).toHaveLength(1);
    await sweep(hours(97));
    expect(await reminders(email)).toHaveLength(2);
  });

  it('sends no reminder right after a booking made inside the reminder time', async () => {
    const { actor, contractId, clientId } = await supervisorWithContract();
    const email = await giveAddress(clientId);
    await bookSession(testContext(db(), now), actor, {
      contractId,
      startsAt: hours(5),
      confirmPast: false,
    });
    await sweep(hours(1));
    expect(await reminders(email)).toHaveLength(0);
  });

  it("follows the practice's setting: earlier, or not at all", async () => {
    const early = await sessionInThreeDays();
    await setReminderHours(testContext(db()), early.actor, 48);
    await sweep(hours(30));
    expect(await reminders(early.email)).toHaveLength(1);

    const off = await sessionInThreeDays();
    await setReminderHours(testContext(db()), off.actor, 0);
    await sweep(hours(71));
    expect(await reminders(off.email)).toHaveLength(0);

    const usual = await sessionInThreeDays();
    await sweep(hours(30));
    expect(await reminders(usual.email)).toHaveLength(0);
  });
});

describe('the reminder setting', () => {
  it('defaults to 24 hours; only the owner changes it, every member reads it', async () => {
    const { actor: owner } = await supervisorWithContract();
    const supervisor: MemberActor = await addMember(db(), owner.practiceId, 'supervisor');
    expect(await getReminderHours(testContext(db()), supervisor)).toBe(24);
    const refused = await errorOf(setReminderHours(testContext(db()), supervisor, 2));
    expect(refused.code).toBe('forbidden');
    await setReminderHours(testContext(db()), owner, 2);
    expect(await getReminderHours(testContext(db()), supervisor)).toBe(2);
  });
});

describe('the settings page', () => {
  const post = (fields: Record<string, string>) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    return new Request('http://localhost/settings', { method: 'POST', body });
  };

  it('saves the owner’s hours, keeps a wrong value typed, and refuses a supervisor', async () => {
    const { actor: owner } = await supervisorWithContract();
    const supervisor = await addMember(db(), owner.practiceId, 'supervisor');
    const asOwner = await loadContextFor(db(), owner.userId);

    const wrong = unwrapActionResult(
      await settingsRoute.action({
        request: post({ intent: 'reminders', reminderHours: '200' }),
        params: {},
        context: asOwner,
      }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.data).toMatchObject({
      intent: 'reminders',
      failure: {
        fieldErrors: { reminderHours: ['sessionMail.settings.invalidHours'] },
        values: { reminderHours: '200' },
      },
    });

    const saved = unwrapActionResult(
      await settingsRoute.action({
        request: post({ intent: 'reminders', reminderHours: '6' }),
        params: {},
        context: asOwner,
      }),
    );
    expect(saved.data).toEqual({ intent: 'reminders', done: true });
    expect(await getReminderHours(testContext(db()), owner)).toBe(6);

    const asSupervisor = await loadContextFor(db(), supervisor.userId);
    expect(
      await statusOf(() =>
        settingsRoute.action({
          request: post({ intent: 'reminders', reminderHours: '0' }),
          params: {},
          context: asSupervisor,
        }),
      ),
    ).toBe(403);
    expect(await getReminderHours(testContext(db()), owner)).toBe(6);
  });
});
