/**
 * The supervisee's work between sessions as they and their supervisor meet it: cancelling
 * on time and late with the clock moved, reflections before and after, marks that survive
 * a new revision of the summary, and no supervisee text at rest or in a mail.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import {
  agreedActionMarks,
  clients,
  outbox,
  sessionReflections,
  sessionRequests,
  supervisionSessions,
} from '#db/schema';
import { outcomeOf } from '#db/testing/access-cast';
import { publishActions } from '#db/testing/between-sessions';
import { testContext } from '#db/testing/context';
import { createContractFixture } from '#db/testing/factories';
import { createPortalCast } from '#db/testing/portal';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase } from '#db/testing/test-database';
import {
  cancelSessionAsSupervisee,
  LateCancellationUnconfirmed,
  superviseeCancellation,
} from '~/sessions/outcomes.server';

import { listOwnActions, markAgreedAction } from './action-marks.server';
import { saveReflection } from './reflections.server';
import { askSupervisor } from './requests.server';

const HOUR = 60 * 60_000;
const STARTS = new Date('2026-12-20T08:00:00Z');
const at = (hoursBefore: number) => new Date(STARTS.getTime() - hoursBefore * HOUR);
const appOrigin = 'https://ohjaamo.test';

let database: Database;
let cast: Awaited<ReturnType<typeof createPortalCast>>;
const db = () => database.db;

beforeAll(async () => {
  database = await createTestDatabase();
  cast = await createPortalCast(database.db);
}, 60_000);
afterAll(() => database.close());

/** A coming session of a new individual contract of `self`, with the given terms. */
async function ownSession(terms: { chargeLateCancellation?: boolean } = {}) {
  const { contractId } = await createContractFixture(db(), cast.author, {
    participants: [cast.clientId],
    cancellationNoticeHours: 24,
    ...terms,
  });
  const sessionId = await insertSession(db(), {
    practiceId: cast.owner.practiceId,
    contractId,
    supervisorId: cast.author.userId,
    startsAt: STARTS,
  });
  return sessionId;
}

const sessionRow = async (id: string) => {
  const [row] = await db().select().from(supervisionSessions).where(eq(supervisionSessions.id, id));
  return row;
};
const mailsTo = async (address: string) =>
  (await db().select().from(outbox)).filter((m) => m.toAddress === address);

describe('the supervisee cancels', () => {
  it('outside the notice period: cancelled, not charged, the supervisor mailed', async () => {
    const id = await ownSession();
    const before = (await mailsTo(cast.author.email)).length;
    const result = await cancelSessionAsSupervisee(testContext(db(), at(25)), cast.self, id, {
      acknowledgeLate: false,
      appOrigin,
    });
    expect(result).toEqual({ late: false, chargeable: false });
    expect(await sessionRow(id)).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'supervisee',
      cancelledLate: false,
      chargeable: false,
    });
    const mails = await mailsTo(cast.author.email);
    expect(mails).toHaveLength(before + 1);
    // The mail names the contract by its code, never the supervisee.
    expect(mails.at(-1)?.textBody).toContain(`${appOrigin}/sessions/${id}`);
    expect(mails.at(-1)?.textBody).not.toContain('Maria Lehtonen');
  });

  it('inside it: refused until the late terms are confirmed, then charged', async () => {
    const id = await ownSession();
    const late = testContext(db(), at(2));
    const before = (await mailsTo(cast.author.email)).length;
    const unconfirmed = cancelSessionAsSupervisee(late, cast.self, id, {
      acknowledgeLate: false,
      appOrigin,
    });
    await expect(unconfirmed).rejects.toBeInstanceOf(LateCancellationUnconfirmed);
    expect((await sessionRow(id))?.status).toBe('scheduled');
    expect(await mailsTo(cast.author.email)).toHaveLength(before);

    const result = await cancelSessionAsSupervisee(late, cast.self, id, {
      acknowledgeLate: true,
      appOrigin,
    });
    expect(result).toEqual({ late: true, chargeable: true });
    expect(await sessionRow(id)).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'supervisee',
      cancelledLate: true,
      chargeable: true,
    });
    expect(await mailsTo(cast.author.email)).toHaveLength(before + 1);
  });

  it('inside it, under a contract that does not charge late cancellations: late, free', async () => {
    const id = await ownSession({ chargeLateCancellation: false });
    const result = await cancelSessionAsSupervisee(testContext(db(), at(1)), cast.self, id, {
      acknowledgeLate: true,
      appOrigin,
    });
    expect(result).toEqual({ late: true, chargeable: false });
  });

  it('the window opens exactly the notice period before; a begun session is past cancelling', () => {
    const contract = {
      form: 'individual',
      cancellationNoticeHours: 24,
      chargeLateCancellation: true,
    };
    const session = { status: 'scheduled' as const, startsAt: STARTS };
    expect(superviseeCancellation(contract, session, at(24))).toEqual({
      possible: true,
      late: false,
      chargeable: false,
    });
    expect(superviseeCancellation(contract, session, new Date(at(24).getTime() + 1))).toEqual({
      possible: true,
      late: true,
      chargeable: true,
    });
    expect(superviseeCancellation(contract, session, STARTS)).toEqual({
      possible: false,
      reason: 'started',
    });
    expect(superviseeCancellation({ ...contract, form: 'group' }, session, at(48))).toEqual({
      possible: false,
      reason: 'group',
    });
  });

  it('a session already begun, or already cancelled, is not cancelled again', async () => {
    const id = await ownSession();
    const begun = cancelSessionAsSupervisee(testContext(db(), at(-0.5)), cast.self, id, {
      acknowledgeLate: true,
      appOrigin,
    });
    expect(await outcomeOf(begun)).toBe('conflict');
    expect((await sessionRow(id))?.status).toBe('scheduled');
    await cancelSessionAsSupervisee(testContext(db(), at(30)), cast.self, id, {
      acknowledgeLate: false,
      appOrigin,
    });
    const again = cancelSessionAsSupervisee(testContext(db(), at(29)), cast.self, id, {
      acknowledgeLate: false,
      appOrigin,
    });
    expect(await outcomeOf(again)).toBe('conflict');
  });
});

describe('reflections', () => {
  it('"before" any time until cancelled; "after" once the session has begun', async () => {
    const id = await ownSession();
    const write = (hoursBefore: number, moment: 'before' | 'after') =>
      outcomeOf(
        saveReflection(testContext(db(), at(hoursBefore)), cast.self, id, {
          moment,
          text: 'Ajatus',
        }),
      );
    expect(await write(72, 'before')).toBe('allowed');
    expect(await write(72, 'after')).toBe('conflict');
    expect(await write(-2, 'after')).toBe('allowed');
  });
});

describe('marks when the summary is published again', () => {
  it('stay with the action whose text did not change, comment and all', async () => {
    const sessionId = await insertSession(db(), {
      practiceId: cast.owner.practiceId,
      contractId: cast.contractId,
      supervisorId: cast.author.userId,
      startsAt: new Date('2026-11-24T08:00:00Z'),
      status: 'held',
    });
    const [kept = '', dropped = ''] = await publishActions(db(), cast.author, sessionId, [
      'Pidä viikkopalaveri',
      'Kirjoita päiväkirjaa',
    ]);
    const ctx = testContext(db());
    await markAgreedAction(ctx, cast.self, { actionId: kept, state: 'done', comment: 'Pidin' });
    await markAgreedAction(ctx, cast.self, { actionId: dropped, state: 'not_done', comment: null });
    await publishActions(db(), cast.author, sessionId, ['Pidä viikkopalaveri', 'Uusi tehtävä'], {
      baseVersion: 1,
    });
    const session = (await listOwnActions(ctx, cast.self)).find((s) => s.sessionId === sessionId);
    expect(session?.actions.map((a) => [a.text, a.state, a.comment])).toEqual([
      ['Pidä viikkopalaveri', 'done', 'Pidin'],
      ['Uusi tehtävä', null, ''],
    ]);
  });
});

describe('the supervisee’s text at rest and in mail', () => {
  it('is sealed in every table and never reaches the outbox', async () => {
    const marker = 'MERKKIJONO-7731';
    const id = await ownSession();
    const [actionId = ''] = await publishActions(db(), cast.author, cast.sessionId, ['Tehtävä']);
    const ctx = testContext(db(), at(48));
    await markAgreedAction(ctx, cast.self, { actionId, state: 'done', comment: `${marker} a` });
    await saveReflection(ctx, cast.self, id, { moment: 'before', text: `${marker} b` });
    await askSupervisor(ctx, cast.self, id, {
      kind: 'new_time',
      message: `${marker} c`,
      appOrigin,
    });
    const stored = JSON.stringify([
      await db().select().from(agreedActionMarks),
      await db().select().from(sessionReflections),
      await db().select().from(sessionRequests),
      await db().select().from(outbox),
    ]);
    expect(stored).not.toContain(marker);
    // The request did reach the outbox, only without its words.
    const [client] = await db().select().from(clients).where(eq(clients.id, cast.clientId));
    const mails = await mailsTo(cast.author.email);
    expect(mails.at(-1)?.subject).toMatch(/uuden ajan|new time/i);
    expect(mails.at(-1)?.textBody).not.toContain(client?.name ?? 'x');
  });
});
