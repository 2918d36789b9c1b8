/**
 * The calendar page and the booking form it leads to: old and new links open the right
 * view, bad parameters never fail, and a free slot's link fills in the booking form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { loadContextFor, testContext } from '#db/testing/context';
import { addMember, createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase, queryCounter } from '#db/testing/test-database';
import * as calendarRoute from '~/routes/_app.calendar';
import * as newSessionRoute from '~/routes/_app.sessions.new';
import { bookSession } from '~/sessions/booking.server';
import { helsinkiInstant } from '~/time/helsinki';

const counter = queryCounter();
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase({ logger: counter });
});
afterAll(() => database.close());
const db = () => database.db;

const get = (path: string) => new Request(`http://localhost${path}`);

async function supervisorWithSession() {
  const { owner } = await createPracticeWithOwner(db());
  const supervisor = await addMember(db(), owner.practiceId, 'supervisor');
  const { contractId } = await createContractFixture(db(), supervisor);
  const sessionId = await bookSession(
    testContext(db(), new Date('2025-07-01T00:00:00Z')),
    supervisor,
    {
      contractId,
      startsAt: helsinkiInstant('2025-07-23', '10:00'),
      confirmPast: false,
    },
  );
  return { owner, supervisor, contractId, sessionId };
}

describe('the calendar page', () => {
  it('opens the week of an old ?week= link in a constant few queries', async () => {
    const { supervisor, sessionId } = await supervisorWithSession();
    const context = await loadContextFor(db(), supervisor.userId);
    counter.reset();
    const data = await calendarRoute.loader({
      request: get('/calendar?week=2025-W30'),
      params: {},
      context,
    });
    expect(counter.count).toBeLessThanOrEqual(4);
    expect(data.query.view).toBe('week');
    expect(data.days[0]).toBe('2025-07-21');
    expect(data.days).toHaveLength(7);
    expect(data.calendar.sessions.map((s) => s.id)).toEqual([sessionId]);
    expect(data.calendar.own).toBe(true);
  });

  it('shows a month and a day from ?view=&date=', async () => {
    const { supervisor, sessionId } = await supervisorWithSession();
    const context = await loadContextFor(db(), supervisor.userId);
    const month = await calendarRoute.loader({
      request: get('/calendar?view=month&date=2025-07-05'),
      params: {},
      context,
    });
    expect(month.days[0]).toBe('2025-06-30');
    expect(month.days[month.days.length - 1]).toBe('2025-08-03');
    expect(month.calendar.sessions.map((s) => s.id)).toEqual([sessionId]);
    const otherDay = await calendarRoute.loader({
      request: get('/calendar?view=day&date=2025-07-22'),
      params: {},
      context,
    });
    expect(otherDay.days).toEqual(['2025-07-22']);
    expect(otherDay.calendar.sessions).toEqual([]);
  });

  it('answers nonsense parameters with a calendar, not an error', async () => {
    const { supervisor } = await supervisorWithSession();
    const context = await loadContextFor(db(), supervisor.userId);
    const data = await calendarRoute.loader({
      request: get(
        '/calendar?view=%00&date=2025-02-29&week=W99&supervisor=not-an-id&contract=%27%20or%201%3D1',
      ),
      params: {},
      context,
    });
    expect(data.query).toMatchObject({ view: 'week', supervisorId: null, contractId: null });
    expect(data.days).toHaveLength(7);
  });

  it("lets the owner open a supervisor's calendar, whose sessions lead to their contract", async () => {
    const { owner, supervisor, sessionId } = await supervisorWithSession();
    const context = await loadContextFor(db(), owner.userId);
    const data = await calendarRoute.loader({
      request: get(`/calendar?date=2025-07-23&supervisor=${supervisor.userId}`),
      params: {},
      context,
    });
    expect(data.calendar.own).toBe(false);
    expect(data.query.supervisorId).toBe(supervisor.userId);
    expect(data.calendar.sessions.map((s) => s.id)).toEqual([sessionId]);
  });
});

describe('the booking form from a calendar slot', () => {
  it('starts from the date, time and contract in the link', async () => {
    const { supervisor, contractId } = await supervisorWithSession();
    const context = await loadContextFor(db(), supervisor.userId);
    const data = await newSessionRoute.loader({
      request: get(`/sessions/new?date=2025-12-16&time=10:30&contractId=${contractId}`),
      params: {},
      context,
    });
    expect(data.when).toEqual({ date: '2025-12-16', time: '10:30' });
    expect(data.selectedId).toBe(contractId);
  });

  it('leaves out what is not a date, a time or a contract of theirs', async () => {
    const { supervisor } = await supervisorWithSession();
    await createContractFixture(db(), supervisor, { code: 'TO-TOINEN' });
    const context = await loadContextFor(db(), supervisor.userId);
    const data = await newSessionRoute.loader({
      request: get('/sessions/new?date=2025-02-30&time=24:00&contractId=nope'),
      params: {},
      context,
    });
    expect(data.when).toEqual({ date: undefined, time: undefined });
    expect(data.selectedId).toBeNull();
  });

  it("chooses a supervisor's only active contract for them", async () => {
    const { supervisor, contractId } = await supervisorWithSession();
    // An ended contract is no choice.
    await createContractFixture(db(), supervisor, { code: 'TO-PAATTYNYT', status: 'ended' });
    const context = await loadContextFor(db(), supervisor.userId);
    for (const path of ['/sessions/new', '/sessions/new?contractId=nope']) {
      const data = await newSessionRoute.loader({ request: get(path), params: {}, context });
      expect(data.selectedId, path).toBe(contractId);
    }
  });
});
