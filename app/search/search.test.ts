/**
 * The header search finds only what the actor could open: supervisees for every member of
 * the practice, contracts for the owner and their own supervisor, sessions for the session's
 * supervisor. Dates find the actor's sessions of that Helsinki day; % and _ are taken as
 * typed; confidential text is never searched.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { contractGoals, contracts, supervisionSessions } from '#db/schema';
import { createAccessCast } from '#db/testing/access-cast';
import { testContext } from '#db/testing/context';
import { createContractFixture } from '#db/testing/factories';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase } from '#db/testing/test-database';
import { createClient, setClientArchived } from '~/clients/clients.server';
import { clientSchema } from '~/clients/schemas';
import type { MemberActor } from '~/practices/actor';
import { addDays, helsinkiInstant } from '~/time/helsinki';

import { search } from './search.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

const NOW = helsinkiInstant('2026-12-01', '12:00');
const searchAs = (actor: MemberActor, query: string) =>
  search(testContext(db(), NOW), actor, query);

async function addClient(actor: MemberActor, fields: Record<string, string>) {
  return createClient(testContext(db()), actor, clientSchema.parse(fields));
}

/** What each group found, as ids. */
async function found(actor: MemberActor, query: string) {
  const results = await searchAs(actor, query);
  return {
    clients: results.clients.rows.map((row) => row.id),
    contracts: results.contracts.rows.map((row) => row.id),
    sessions: results.sessions.rows.map((row) => row.id),
  };
}

describe('who finds what', () => {
  it('finds only what each member could open, and nothing of another practice', async () => {
    const cast = await createAccessCast(db());
    // The other practice has a supervisee of the same name, with a contract and a session.
    const theirs = await createContractFixture(db(), cast.outsider);
    const theirSession = await insertSession(db(), {
      practiceId: cast.outsider.practiceId,
      contractId: theirs.contractId,
      supervisorId: cast.outsider.userId,
      startsAt: helsinkiInstant('2026-11-10', '12:00'),
    });
    const mine = { clients: [cast.clientId], contracts: [cast.contractId] };
    const table: [MemberActor, object][] = [
      // The contract's supervisor: the supervisee, the contract and its session.
      [cast.author, { ...mine, sessions: [cast.sessionId] }],
      // The owner sees every contract of the practice, but opens only their own sessions.
      [cast.owner, { ...mine, sessions: [] }],
      // Another supervisor: the practice's supervisees, none of a colleague's contracts.
      [cast.colleague, { clients: [cast.clientId], contracts: [], sessions: [] }],
      // Another practice: only its own.
      [
        cast.outsider,
        { clients: [theirs.clientId], contracts: [theirs.contractId], sessions: [theirSession] },
      ],
    ];
    for (const [actor, expected] of table) {
      expect(await found(actor, 'lehtonen'), actor.role).toEqual(expected);
    }
  });

  it('matches names, e-mail, organisation, commissioner and contract code, in any case', async () => {
    const cast = await createAccessCast(db());
    const [contract] = await db()
      .select({ code: contracts.code })
      .from(contracts)
      .where(eq(contracts.id, cast.contractId));
    const clientId = await addClient(cast.author, {
      name: 'Pekka Virtanen',
      email: 'pekka.virtanen@savonia.example',
      organisation: 'Savonia',
    });
    expect((await found(cast.author, 'PEKKA.VIRTANEN@')).clients).toEqual([clientId]);
    expect((await found(cast.author, 'savonia')).clients).toEqual([clientId]);
    expect((await found(cast.author, 'kuopion kaupunki')).contracts).toEqual([cast.contractId]);
    expect((await found(cast.author, contract?.code.toLowerCase() ?? '-')).contracts).toEqual([
      cast.contractId,
    ]);
    // The commissioner's name finds the contract's sessions too.
    expect((await found(cast.author, 'Kuopion')).sessions).toEqual([cast.sessionId]);
  });

  it('an empty query finds nothing', async () => {
    const cast = await createAccessCast(db());
    const results = await searchAs(cast.owner, '');
    expect([results.clients.total, results.contracts.total, results.sessions.total]).toEqual([
      0, 0, 0,
    ]);
  });
});

describe('a date', () => {
  it('finds the actor’s sessions of that Helsinki day, however it is typed', async () => {
    const cast = await createAccessCast(db());
    const s = (startsAt: Date) =>
      insertSession(db(), {
        practiceId: cast.author.practiceId,
        contractId: cast.contractId,
        supervisorId: cast.author.userId,
        startsAt,
      });
    const morning = await s(helsinkiInstant('2026-12-03', '00:30')); // 2.12. 22.30 UTC
    const evening = await s(helsinkiInstant('2026-12-03', '23:30')); // 3.12. 21.30 UTC
    await s(helsinkiInstant('2026-12-04', '00:15'));
    await s(helsinkiInstant('2026-12-02', '23:45'));
    for (const typed of ['3.12.', '3.12', '03.12.2026', '2026-12-03']) {
      const results = await searchAs(cast.author, typed);
      expect(results.date, typed).toBe('2026-12-03');
      expect(
        results.sessions.rows.map((row) => row.id),
        typed,
      ).toEqual([morning, evening]);
    }
    // The owner has no sessions that day: the supervisor's are not theirs to open.
    expect((await found(cast.owner, '3.12.')).sessions).toEqual([]);
  });
});

describe('what is searched', () => {
  it('takes % and _ as typed characters', async () => {
    const cast = await createAccessCast(db());
    const percent = await addClient(cast.owner, { name: 'Tiimi 100% Oy' });
    await addClient(cast.owner, { name: 'Tiimi 1000 Oy' });
    const underscore = await addClient(cast.owner, { name: 'Anna_Berg' });
    await addClient(cast.owner, { name: 'Anna Berg' });
    expect((await found(cast.owner, '100%')).clients).toEqual([percent]);
    expect((await found(cast.owner, 'a_b')).clients).toEqual([underscore]);
    expect((await searchAs(cast.owner, '%')).clients.total).toBe(1);
    expect((await searchAs(cast.owner, '\\')).clients.total).toBe(0);
  });

  it('never matches backgrounds, guiding questions, methods, goals or cancellation reasons', async () => {
    const cast = await createAccessCast(db());
    await addClient(cast.author, {
      name: 'Liisa Laine',
      background: 'Kirjoittaa salaisuudesta nimeltä kaarnalaiva.',
    });
    await db()
      .update(contracts)
      .set({ guidingQuestion: 'Miten kaarnalaiva pysyy pinnalla?', methods: 'kaarnalaiva' })
      .where(eq(contracts.id, cast.contractId));
    await db().insert(contractGoals).values({
      contractId: cast.contractId,
      practiceId: cast.author.practiceId,
      position: 0,
      text: 'Kaarnalaiva vesille',
    });
    await db()
      .update(supervisionSessions)
      .set({ cancellationReason: 'kaarnalaiva upposi' })
      .where(eq(supervisionSessions.id, cast.sessionId));
    for (const actor of [cast.author, cast.owner]) {
      const results = await searchAs(actor, 'kaarnalaiva');
      expect([results.clients.total, results.contracts.total, results.sessions.total]).toEqual([
        0, 0, 0,
      ]);
    }
  });
});

describe('how results are shown', () => {
  it('lists at most ten sessions, the coming ones first, then the latest past ones', async () => {
    const cast = await createAccessCast(db());
    const weekly = async (from: string, count: number) => {
      const ids = [];
      for (let n = 0; n < count; n++) {
        const startsAt = helsinkiInstant(addDays(from, n * 7), '11:00');
        ids.push(
          await insertSession(db(), {
            practiceId: cast.author.practiceId,
            contractId: cast.contractId,
            supervisorId: cast.author.userId,
            startsAt,
          }),
        );
      }
      return ids;
    };
    const past = await weekly('2026-09-01', 12); // the last is 17.11.
    const coming = await weekly('2026-12-08', 3);
    const results = await searchAs(cast.author, 'Lehtonen');
    // 12 + 3 + the cast's own held session of 10.11.
    expect(results.sessions.total).toBe(16);
    expect(results.sessions.rows.map((row) => row.id)).toEqual([
      ...coming,
      past[11],
      past[10],
      cast.sessionId,
      past[9],
      past[8],
      past[7],
      past[6],
    ]);
  });

  it('counts every match but shows ten, archived supervisees after the others', async () => {
    const cast = await createAccessCast(db());
    const archived = await addClient(cast.owner, { name: 'Aalto Arkistoitu' });
    await setClientArchived(testContext(db()), cast.owner, archived, true);
    for (let n = 0; n < 11; n++) await addClient(cast.owner, { name: `Virtanen ${n}` });
    const all = await searchAs(cast.owner, 'a');
    expect(all.clients.total).toBe(13);
    expect(all.clients.archived).toBe(1);
    expect(all.clients.rows).toHaveLength(10);
    expect(all.clients.rows.map((row) => row.archived)).not.toContain(true);
    const few = await searchAs(cast.owner, 'aalto');
    expect(few.clients.rows).toEqual([
      expect.objectContaining({ id: archived, name: 'Aalto Arkistoitu', archived: true }),
    ]);
  });
});
