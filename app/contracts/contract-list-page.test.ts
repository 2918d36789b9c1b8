/**
 * The contract list a page at a time: search, the state filter and the page together, the
 * access rule (the owner all, a supervisor their own), progress for the page's contracts, and
 * a query count that does not grow with the practice's history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { testContext } from '#db/testing/context';
import { addMember, createPracticeWithOwner } from '#db/testing/factories';
import {
  type ContractRowInput,
  insertClients,
  insertCommissioner,
  insertContracts,
  insertSessions,
} from '#db/testing/list-rows';
import { createTestDatabase, queryCounter } from '#db/testing/test-database';
import type { MemberActor } from '~/practices/actor';

import { type ContractPageFilter, listContractPage } from './contract-list-page.server';

const counter = queryCounter();
let database: Database;
let owner: MemberActor;
let supervisor: MemberActor;
let outsider: MemberActor;
const ids: Record<string, string> = {};

/** TO-001 … TO-060: the owner's, active, Kuopion kaupunki's, newest first by number. */
const ownersCode = (n: number) => `TO-${String(n).padStart(3, '0')}`;
const day = (n: number) =>
  `2026-${String(1 + Math.floor(n / 28)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;

beforeAll(async () => {
  database = await createTestDatabase({ logger: counter });
  const db = database.db;
  ({ owner } = await createPracticeWithOwner(db));
  supervisor = await addMember(db, owner.practiceId, 'supervisor');
  ({ owner: outsider } = await createPracticeWithOwner(db, { practiceName: 'Muu Oy' }));
  const kuopio = await insertCommissioner(db, owner.practiceId, 'Kuopion kaupunki');
  const fiftyFifty = await insertCommissioner(db, owner.practiceId, 'Hyvä_Työ Oy');
  const lookalike = await insertCommissioner(db, owner.practiceId, 'HyväxTyö Oy');
  const [ansa = '', pekka = '', maija = ''] = await insertClients(db, owner.practiceId, [
    { name: 'Ansa Aaltonen' },
    { name: 'Pekka Virtanen' },
    { name: 'Maija Virtanen' },
  ]);
  const rows: ContractRowInput[] = [];
  for (let n = 1; n <= 60; n++) {
    rows.push({
      code: ownersCode(n),
      supervisorId: owner.userId,
      commissionerId: kuopio,
      participants: [ansa],
      startsOn: day(n),
    });
  }
  rows.push(
    // Drafts of the same commissioner: the state filter leaves them out.
    ...[61, 62, 63].map((n) => ({
      code: ownersCode(n),
      supervisorId: owner.userId,
      commissionerId: kuopio,
      participants: [ansa],
      status: 'draft' as const,
      startsOn: day(n),
    })),
    // The supervisor's: a group, and two whose code and commissioner test the escaping.
    {
      code: 'RYHMÄ-1',
      supervisorId: supervisor.userId,
      commissionerId: fiftyFifty,
      participants: [maija, pekka],
      startsOn: '2025-01-01',
    },
    {
      code: 'ALE-100%',
      supervisorId: supervisor.userId,
      commissionerId: lookalike,
      participants: [pekka],
      startsOn: '2025-01-02',
    },
    {
      code: 'ALE-1000',
      supervisorId: supervisor.userId,
      commissionerId: lookalike,
      participants: [maija],
      startsOn: '2025-01-03',
    },
  );
  const inserted = await insertContracts(db, owner.practiceId, rows);
  rows.forEach((row, index) => (ids[row.code] = inserted[index] ?? ''));
  const otherCommissioner = await insertCommissioner(db, outsider.practiceId, 'Kuopion kaupunki');
  const [otherClient = ''] = await insertClients(db, outsider.practiceId, [{ name: 'Ansa Muu' }]);
  await insertContracts(db, outsider.practiceId, [
    {
      code: 'TO-999',
      supervisorId: outsider.userId,
      commissionerId: otherCommissioner,
      participants: [otherClient],
    },
  ]);
}, 60_000);
afterAll(() => database.close());

const ctx = () => testContext(database.db);
const codes = async (actor: MemberActor, filter: Partial<ContractPageFilter>) =>
  (await listContractPage(ctx(), actor, { status: 'all', ...filter })).rows.map((row) => row.code);

describe('the contract list', () => {
  it('shows the owner every contract of the practice, 50 a page, newest first', async () => {
    const first = await listContractPage(ctx(), owner, { status: 'all' });
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: 66, pageSize: 50 });
    expect(first.rows.map((row) => row.code).slice(0, 3)).toEqual([
      ownersCode(63),
      ownersCode(62),
      ownersCode(61),
    ]);
    const second = await listContractPage(ctx(), owner, { status: 'all', page: 2 });
    expect(second.rows.map((row) => row.code)).toEqual([
      ...[13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map(ownersCode),
      'ALE-1000',
      'ALE-100%',
      'RYHMÄ-1',
    ]);
    // No contract on both pages, none left out.
    const all = [...first.rows, ...second.rows].map((row) => row.id);
    expect(new Set(all).size).toBe(66);
  });

  it('reads a page that does not exist as the first', async () => {
    for (const page of [3, 0, -1, 1.5, Number.NaN]) {
      const list = await listContractPage(ctx(), owner, { status: 'all', page });
      expect(list.page).toBe(1);
      expect(list.rows[0]?.code).toBe(ownersCode(63));
    }
  });

  it('shows a supervisor their own contracts only, and another practice nothing of these', async () => {
    expect(await codes(supervisor, {})).toEqual(['ALE-1000', 'ALE-100%', 'RYHMÄ-1']);
    expect(await codes(supervisor, { q: 'TO-0' })).toEqual([]);
    expect(await codes(outsider, {})).toEqual(['TO-999']);
    expect(await codes(outsider, { q: 'aaltonen' })).toEqual([]);
  });

  it('finds contracts by code, commissioner or supervisee, taking % and _ literally', async () => {
    expect(await codes(owner, { q: 'ryhm' })).toEqual(['RYHMÄ-1']);
    expect(await codes(owner, { q: 'virtanen' })).toEqual(['ALE-1000', 'ALE-100%', 'RYHMÄ-1']);
    expect(await codes(owner, { q: 'PEKKA' })).toEqual(['ALE-100%', 'RYHMÄ-1']);
    expect(await codes(owner, { q: '100%' })).toEqual(['ALE-100%']);
    expect(await codes(owner, { q: 'ä_T' })).toEqual(['RYHMÄ-1']);
    expect(await codes(owner, { q: 'hyvä' })).toEqual(['ALE-1000', 'ALE-100%', 'RYHMÄ-1']);
  });

  it('combines the search, the state filter and the page', async () => {
    const active = await listContractPage(ctx(), owner, { status: 'active', q: 'kuopio' });
    expect(active).toMatchObject({ page: 1, pageCount: 2, total: 60 });
    const second = await listContractPage(ctx(), owner, { status: 'active', q: 'kuopio', page: 2 });
    expect(second.rows.map((row) => row.code)).toEqual(
      [10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map(ownersCode),
    );
    expect(await codes(owner, { status: 'draft', q: 'aaltonen', page: 1 })).toEqual(
      [63, 62, 61].map(ownersCode),
    );
    // Past the end of the narrower list: its first page.
    expect(await codes(owner, { status: 'draft', q: 'aaltonen', page: 2 })).toEqual(
      [63, 62, 61].map(ownersCode),
    );
  });

  it('names the participants and counts the progress of the contracts on the page', async () => {
    const contract = {
      practiceId: owner.practiceId,
      contractId: ids['RYHMÄ-1'] ?? '',
      supervisorId: supervisor.userId,
    };
    await insertSessions(database.db, contract, [
      'held',
      'held',
      'no_show',
      'cancelled',
      'scheduled',
    ]);
    const [row] = (await listContractPage(ctx(), supervisor, { status: 'all', q: 'RYHM' })).rows;
    expect(row).toMatchObject({
      code: 'RYHMÄ-1',
      commissionerName: 'Hyvä_Työ Oy',
      participantNames: ['Maija Virtanen', 'Pekka Virtanen'],
      progress: { used: 3, agreed: 10, upcoming: 1 },
    });
  });

  it('asks the same three queries with a long history as with a short one', async () => {
    const queriesFor = async (filter: Partial<ContractPageFilter>) => {
      counter.reset();
      await listContractPage(ctx(), owner, { status: 'all', ...filter });
      return counter.count;
    };
    const before = [await queriesFor({}), await queriesFor({ q: 'virtanen', page: 2 })];
    for (const code of [ownersCode(63), ownersCode(1), 'ALE-1000']) {
      await insertSessions(
        database.db,
        { practiceId: owner.practiceId, contractId: ids[code] ?? '', supervisorId: owner.userId },
        Array.from({ length: 400 }, (_, week) => (week % 5 === 0 ? 'cancelled' : 'held')),
      );
    }
    const after = [await queriesFor({}), await queriesFor({ q: 'virtanen', page: 2 })];
    expect(before).toEqual([3, 3]);
    expect(after).toEqual(before);
    const [newest] = (await listContractPage(ctx(), owner, { status: 'all' })).rows;
    expect(newest?.progress).toEqual({ used: 320, agreed: 10, upcoming: 0 });
  });
});
