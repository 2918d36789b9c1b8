/**
 * Booking a series with a date taken, through the pages: the booking form sends the supervisor
 * to the series' result page, which survives a reload without booking again, names the date
 * left out and what is in the way, and books it at another time into the same series.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { supervisionSessions } from '#db/schema';
import { loadContextFor } from '#db/testing/context';
import { createContractFixture } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import { unwrapActionResult } from '~/forms/respond.server';
import * as newSessionRoute from '~/routes/_app.sessions.new';
import * as seriesRoute from '~/routes/_app.sessions.series.$seriesId';
import { helsinkiInstant } from '~/time/helsinki';

import { sessionFixtures } from './test-fixtures';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;
const { supervisorWithContract, book } = sessionFixtures(db);

const post = (path: string, fields: Record<string, string>) => {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  return new Request(`http://localhost${path}`, { method: 'POST', body });
};

/**
 * A weekly series of two from 4 May 2099 at 9.00, whose second date another contract has
 * taken: booked through the form, which sends the supervisor to the series' result page.
 */
async function twoWeeksWithTheSecondTaken() {
  const { actor, contractId } = await supervisorWithContract();
  const other = await createContractFixture(db(), actor);
  await book(actor, other.contractId, helsinkiInstant('2099-05-11', '09:00'));
  const context = await loadContextFor(db(), actor.userId);
  const sent = await newSessionRoute.action({
    request: post('/sessions/new', {
      contractId,
      date: '2099-05-04',
      time: '09:00',
      evaluationKind: 'none',
      repeat: 'on',
      everyWeeks: '1',
      count: '2',
    }),
    params: {},
    context,
  });
  if (!(sent instanceof Response)) throw new Error('expected a redirect');
  const location = sent.headers.get('location') ?? '';
  const seriesId = /^\/sessions\/series\/([0-9a-f-]{36})\?/.exec(location)?.[1] ?? '';
  expect(seriesId, location).not.toBe('');
  return { context, location, seriesId };
}

describe('a series with a date taken', () => {
  it('books the rest, asks about the date on a page of its own and books it there', async () => {
    const { actor, contractId } = await supervisorWithContract({ sessionMinutes: 75 });
    const other = await createContractFixture(db(), actor, { code: 'B-7' });
    await book(actor, other.contractId, helsinkiInstant('2099-03-16', '09:30'));
    const context = await loadContextFor(db(), actor.userId);
    const sessionsOfContract = () =>
      db()
        .select()
        .from(supervisionSessions)
        .where(eq(supervisionSessions.contractId, contractId))
        .orderBy(supervisionSessions.startsAt);

    const sent = await newSessionRoute.action({
      request: post('/sessions/new', {
        contractId,
        date: '2099-03-09',
        time: '09:00',
        evaluationKind: 'none',
        location: 'Toimisto',
        repeat: 'on',
        everyWeeks: '1',
        count: '4',
      }),
      params: {},
      context,
    });
    if (!(sent instanceof Response)) throw new Error('expected a redirect');
    expect(sent.status).toBe(302);
    const location = sent.headers.get('location') ?? '';
    const match = /^\/sessions\/series\/([0-9a-f-]{36})\?clash=2099-03-16T09%3A00$/.exec(location);
    expect(match, location).not.toBeNull();
    const seriesId = match?.[1] ?? '';
    const booked = await sessionsOfContract();
    expect(booked).toHaveLength(3);
    expect(booked.every((s) => s.seriesId === seriesId && s.location === 'Toimisto')).toBe(true);

    const read = () =>
      seriesRoute.loader({
        request: new Request(`http://localhost${location}`),
        params: { seriesId },
        context,
      });
    // A reload reads the same page and books nothing.
    for (let i = 0; i < 2; i += 1) {
      const { result } = await read();
      expect(result).toMatchObject({ booked: 3, wanted: 4, contractCode: expect.any(String) });
      expect(result.leftOut).toEqual([
        {
          date: '2099-03-16',
          time: '09:00',
          startsAt: helsinkiInstant('2099-03-16', '09:00'),
          clashesWith: [
            {
              startsAt: helsinkiInstant('2099-03-16', '09:30'),
              endsAt: helsinkiInstant('2099-03-16', '10:30'),
              contractCode: 'B-7',
            },
          ],
          rebooked: null,
        },
      ]);
    }
    expect(await sessionsOfContract()).toHaveLength(3);

    const rebook = (fields: Record<string, string>) =>
      seriesRoute.action({ request: post(location, fields), params: { seriesId }, context });

    // Still in the way: the form comes back with the time as typed.
    const refused = unwrapActionResult(await rebook({ date: '2099-03-16', time: '09:45' }));
    expect(refused.status).toBe(409);
    if (refused.data instanceof Response) throw new Error('expected the form back');
    expect(refused.data.date).toBe('2099-03-16');
    expect(refused.data.failure.formError).toBe('sessions.doubleBooked');
    expect(refused.data.failure.values).toMatchObject({ time: '09:45' });

    // Only a date the series left out can be booked here.
    const notLeftOut = unwrapActionResult(await rebook({ date: '2099-03-23', time: '11:00' }));
    expect(notLeftOut.status).toBe(400);
    if (notLeftOut.data instanceof Response) throw new Error('expected the form back');
    expect(notLeftOut.data.failure.formError).toBe('sessions.seriesResult.notLeftOut');

    const done = await rebook({ date: '2099-03-16', time: '11:00' });
    expect(done instanceof Response && done.status).toBe(302);
    expect(done instanceof Response && done.headers.get('location')).toBe(location);
    const all = await sessionsOfContract();
    expect(all).toHaveLength(4);
    const rebooked = all.find(
      (s) => s.startsAt.getTime() === helsinkiInstant('2099-03-16', '11:00').getTime(),
    );
    expect(rebooked).toMatchObject({ seriesId, location: 'Toimisto' });
    expect(rebooked && rebooked.endsAt.getTime() - rebooked.startsAt.getTime()).toBe(75 * 60_000);

    const { result } = await read();
    expect(result).toMatchObject({ booked: 4, wanted: 4 });
    expect(result.leftOut[0]?.rebooked).toEqual({ id: rebooked?.id, startsAt: rebooked?.startsAt });

    // Hostile values are refused as a bad form, never a server error.
    const hostile = unwrapActionResult(
      await rebook({ date: `2099-03-16${'9'.repeat(100_000)}`, time: '\u{1F600}' }),
    );
    expect(hostile.status).toBe(400);
    const notASeries = await seriesRoute
      .loader({
        request: new Request(`http://localhost/sessions/series/x?clash=${'%FF'.repeat(1000)}`),
        params: { seriesId: 'x' },
        context,
      })
      .catch((thrown: unknown) => thrown);
    expect(notASeries instanceof Response && notASeries.status).toBe(404);

    // Sent twice (the back button): the date has its session already.
    const twice = unwrapActionResult(await rebook({ date: '2099-03-16', time: '13:00' }));
    expect(twice.status).toBe(409);
    expect(await sessionsOfContract()).toHaveLength(4);
  });

  it('books a date left out once when two forms for it arrive at the same moment', async () => {
    const { context, location, seriesId } = await twoWeeksWithTheSecondTaken();

    // Two tabs book the same date at two different free times: the second waits for the
    // first's lock on the calendar, then finds the date booked.
    const answers = await Promise.all(
      ['12:00', '14:00'].map(async (time) => {
        const answer = await seriesRoute.action({
          request: post(location, { date: '2099-05-11', time }),
          params: { seriesId },
          context,
        });
        if (answer instanceof Response) return answer.status;
        const { status, data } = unwrapActionResult(answer);
        return data instanceof Response ? status : `${status} ${data.failure.formError}`;
      }),
    );
    expect(answers.sort()).toEqual([302, '409 sessions.seriesDateBooked'].sort());
    const inTheSeries = await db()
      .select({ id: supervisionSessions.id })
      .from(supervisionSessions)
      .where(eq(supervisionSessions.seriesId, seriesId));
    // 4 May from the series form, and 11 May from one of the two.
    expect(inTheSeries).toHaveLength(2);
  });

  it('reads the address as a wish: unreadable dates are dropped, booked starts are no clash', async () => {
    const { context, seriesId } = await twoWeeksWithTheSecondTaken();
    const search = new URLSearchParams([
      ['clash', '2099-05-11T09:00'],
      ['clash', '2099-05-04T09:00'],
      ['clash', 'huomenna'],
      ['clash', '2099-02-30T09:00'],
      ['clash', '2099-05-11T09:00'],
    ]);
    const { result } = await seriesRoute.loader({
      request: new Request(`http://localhost/sessions/series/${seriesId}?${search.toString()}`),
      params: { seriesId },
      context,
    });
    expect(result.leftOut.map((d) => `${d.date}T${d.time}`)).toEqual(['2099-05-11T09:00']);
    expect(result).toMatchObject({ booked: 1, wanted: 2 });
  });

  it("an empty 'every N weeks' books at the contract's rhythm, or asks when there is none", async () => {
    const { actor, contractId } = await supervisorWithContract({ rhythmWeeks: 2 });
    const context = await loadContextFor(db(), actor.userId);
    const fields = {
      contractId,
      date: '2099-06-01',
      time: '09:00',
      evaluationKind: 'none',
      repeat: 'on',
      everyWeeks: '',
      count: '3',
    };
    const sent = await newSessionRoute.action({
      request: post('/sessions/new', fields),
      params: {},
      context,
    });
    expect(sent instanceof Response && sent.status).toBe(302);
    const rows = await db()
      .select({ startsAt: supervisionSessions.startsAt })
      .from(supervisionSessions)
      .where(eq(supervisionSessions.contractId, contractId))
      .orderBy(supervisionSessions.startsAt);
    expect(rows.map((r) => r.startsAt)).toEqual([
      helsinkiInstant('2099-06-01', '09:00'),
      helsinkiInstant('2099-06-15', '09:00'),
      helsinkiInstant('2099-06-29', '09:00'),
    ]);

    const irregular = await createContractFixture(db(), actor, { rhythmWeeks: null });
    const asked = unwrapActionResult(
      await newSessionRoute.action({
        request: post('/sessions/new', { ...fields, contractId: irregular.contractId }),
        params: {},
        context,
      }),
    );
    expect(asked.status).toBe(400);
    if (asked.data instanceof Response || !('failure' in asked.data))
      throw new Error('expected the form back');
    expect(asked.data.failure.fieldErrors.everyWeeks).toEqual(['sessions.everyWeeksNeeded']);
    expect(asked.data.failure.values).toMatchObject({ count: '3', repeat: 'on' });
  });
});
