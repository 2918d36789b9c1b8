/**
 * The series' result page reads the same two queries for a series of two with one date left
 * out as for a year of weekly sessions with ten: the series' sessions, and what is in the way.
 */
import type { Logger } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testContext } from '#db/testing/context';
import { createContractFixture } from '#db/testing/factories';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import { helsinkiInstant } from '~/time/helsinki';

import { bookSeries } from './booking.server';
import { getSeriesResult } from './series-result.server';
import { now, sessionFixtures } from './test-fixtures';

const sent: string[] = [];
const recorder: Logger = {
  logQuery(query) {
    sent.push(query);
  },
};

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ logger: recorder });
});
afterAll(() => database.close());
const db = () => database.db;
const { supervisorWithContract, book } = sessionFixtures(db);

async function queriesOfResultPage(count: number, taken: number): Promise<number> {
  const { actor, contractId } = await supervisorWithContract({ sessionsAgreed: 60 });
  const other = await createContractFixture(db(), actor);
  const first = helsinkiInstant('2027-01-04', '09:00');
  for (let week = 1; week <= taken; week += 1) {
    await book(actor, other.contractId, new Date(first.getTime() + week * 7 * 86_400_000));
  }
  const booked = await bookSeries(testContext(db(), now), actor, {
    contractId,
    firstStartsAt: first,
    everyWeeks: 1,
    count,
    confirmPast: false,
  });
  expect(booked.clashes).toHaveLength(taken);
  sent.length = 0;
  const result = await getSeriesResult(
    testContext(db(), now),
    actor,
    booked.seriesId,
    booked.clashes.map((clash) => clash.start),
  );
  expect(result).toMatchObject({ booked: count - taken, wanted: count });
  return sent.length;
}

describe("the series' result page", () => {
  it('reads two queries whatever the length of the series and the dates left out', async () => {
    expect(await queriesOfResultPage(2, 1)).toBe(2);
    expect(await queriesOfResultPage(40, 10)).toBe(2);
  });
});
