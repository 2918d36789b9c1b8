/**
 * Who reaches the practice's billing, as a table of the access cast: the owner alone. A
 * supervisor of the practice is refused (forbidden: they know billing exists, they may not
 * act), the other practice's owner only ever meets their own practice, and a supervisee is
 * refused by the rule itself.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { practiceSettingsAuditLog } from '#db/schema';
import { type CastRole, createAccessCast, outcomeOf } from '#db/testing/access-cast';
import { testContext } from '#db/testing/context';
import { createTestDatabase } from '#db/testing/test-database';
import type { SuperviseeActor } from '~/practices/actor';

import { mayManageBilling } from './access.server';
import { readInvoicingDetails, updateInvoicingDetails } from './invoicing-details.server';
import type { InvoicingDetails } from './schemas';

let database: Database;
let cast: Awaited<ReturnType<typeof createAccessCast>>;

beforeAll(async () => {
  database = await createTestDatabase();
  cast = await createAccessCast(database.db);
});
afterAll(() => database.close());

const details: InvoicingDetails = {
  legalName: 'Testiohjaus Oy',
  streetAddress: 'Kauppakatu 3',
  postalCode: '40100',
  city: 'Jyväskylä',
  businessId: '0109862-8',
  vatNumber: 'FI01098628',
  iban: 'FI7118203000008391',
  paymentTermDays: 21,
};

const expected: Record<CastRole, { read: string; update: string }> = {
  owner: { read: 'allowed', update: 'allowed' },
  author: { read: 'forbidden', update: 'forbidden' },
  colleague: { read: 'forbidden', update: 'forbidden' },
  // Allowed, in their own practice: what it changes is checked below.
  outsider: { read: 'allowed', update: 'allowed' },
};

describe('billing access', () => {
  it.each(Object.keys(expected) as CastRole[])('%s', async (role) => {
    const actor = cast.actors[role];
    const ctx = testContext(database.db);
    expect({
      read: await outcomeOf(readInvoicingDetails(ctx, actor)),
      update: await outcomeOf(
        updateInvoicingDetails(ctx, actor, { ...details, legalName: `${role} Oy` }),
      ),
    }).toEqual(expected[role]);
  });

  it('left this practice as its owner saved it, with the owner alone in its trail', async () => {
    const ours = await readInvoicingDetails(testContext(database.db), cast.owner);
    expect(ours.legalName).toBe('owner Oy');
    const trail = await database.db
      .select({ actorId: practiceSettingsAuditLog.actorId })
      .from(practiceSettingsAuditLog)
      .where(eq(practiceSettingsAuditLog.practiceId, cast.owner.practiceId));
    expect(trail).toEqual([{ actorId: cast.owner.userId }]);
    const theirs = await readInvoicingDetails(testContext(database.db), cast.outsider);
    expect(theirs.legalName).toBe('outsider Oy');
  });

  it('never lets a supervisee manage billing', () => {
    const supervisee: SuperviseeActor = {
      kind: 'supervisee',
      userId: cast.author.userId,
      practiceId: cast.owner.practiceId,
      clientIds: [cast.clientId],
    };
    expect(mayManageBilling(supervisee)).toBe(false);
    expect(mayManageBilling(cast.owner)).toBe(true);
    expect(mayManageBilling(cast.author)).toBe(false);
  });
});
