import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { clients, contractParticipants } from '#db/schema';
import { type CastRole, createAccessCast, outcomeOf } from '#db/testing/access-cast';
import { testContext } from '#db/testing/context';
import { createTestDatabase } from '#db/testing/test-database';
import { AppError } from '~/errors';
import { themesOverTime } from '~/notes/themes-over-time.server';
import { listBookableContracts } from '~/sessions/queries.server';

import { getContract } from './get-contract.server';
import { listContracts } from './list-contracts.server';
import { endContract } from './status.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

type Cast = Awaited<ReturnType<typeof createAccessCast>>;
type Rule = 'read the contract' | 'change the contract' | 'book on it' | 'see its themes timeline';

/** Each rule asked through the use case that relies on it; 'allowed' or the refusal's code. */
const rules: Record<Rule, (cast: Cast, who: CastRole) => Promise<unknown>> = {
  'read the contract': async (c, who) => {
    await getContract(testContext(db()), c.actors[who], c.contractId);
    const listed = await listContracts(testContext(db()), c.actors[who]);
    if (!listed.some((row) => row.id === c.contractId)) throw new Error('missing from the list');
  },
  'change the contract': (c, who) => endContract(testContext(db()), c.actors[who], c.contractId),
  'book on it': async (c, who) => {
    const bookable = await listBookableContracts(testContext(db()), c.actors[who]);
    // Not offered in the booking form is this rule's "not found".
    if (!bookable.some((row) => row.id === c.contractId)) throw new AppError('not_found');
  },
  'see its themes timeline': (c, who) =>
    themesOverTime(testContext(db()), c.actors[who], c.contractId),
};

const expected: Record<Rule, Record<CastRole, string>> = {
  'read the contract': {
    author: 'allowed',
    owner: 'allowed',
    colleague: 'not_found',
    outsider: 'not_found',
  },
  'change the contract': {
    author: 'allowed',
    owner: 'allowed',
    colleague: 'not_found',
    outsider: 'not_found',
  },
  'book on it': {
    author: 'allowed',
    owner: 'not_found',
    colleague: 'not_found',
    outsider: 'not_found',
  },
  'see its themes timeline': {
    author: 'allowed',
    owner: 'not_found',
    colleague: 'not_found',
    outsider: 'not_found',
  },
};

const table = (Object.keys(expected) as Rule[]).flatMap((rule) =>
  (Object.keys(expected[rule]) as CastRole[]).map(
    (who) => [rule, who, expected[rule][who]] as const,
  ),
);

describe('who may do what with a contract (author = its supervisor)', () => {
  it.each(table)('%s as %s: %s', async (rule, who, result) => {
    const cast = await createAccessCast(db());
    expect(await outcomeOf(rules[rule](cast, who))).toBe(result);
  });
});

describe('tenancy in depth', () => {
  it("a participant row naming another practice's client shows no name", async () => {
    const cast = await createAccessCast(db());
    const [stranger] = await db()
      .insert(clients)
      .values({ practiceId: cast.outsider.practiceId, name: 'Vieraan Asiakas' })
      .returning({ id: clients.id });
    if (!stranger) throw new Error('no client');
    await db().insert(contractParticipants).values({
      contractId: cast.contractId,
      clientId: stranger.id,
      practiceId: cast.owner.practiceId,
    });
    const contract = await getContract(testContext(db()), cast.author, cast.contractId);
    expect(contract.participants.map((p) => p.name)).not.toContain('Vieraan Asiakas');
    const [listed] = await listContracts(testContext(db()), cast.author);
    expect(listed?.participantNames).not.toContain('Vieraan Asiakas');
  });
});
