import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { testContext } from '#db/testing/context';
import {
  addMember,
  createContractFixture,
  createPracticeWithOwner,
  TEST_ORIGIN,
} from '#db/testing/factories';
import { testKeyring } from '#db/testing/keyring';
import { createTestDatabase } from '#db/testing/test-database';
import { updateInvoicingDetails } from '~/billing/invoicing-details.server';
import { createFeed } from '~/calendar/feeds.server';
import { inviteMember } from '~/practices/invitations.server';
import { bookSession } from '~/sessions/booking.server';

import { getSetupChecklist } from './checklist.server';
import type { SetupStep } from './steps';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const ctx = () => testContext(database.db);
const doneSteps = async (...args: Parameters<typeof getSetupChecklist>) =>
  (await getSetupChecklist(...args))?.steps.filter((s) => s.done).map((s) => s.step) ?? null;

const details = {
  legalName: 'Testiohjaus Oy',
  streetAddress: 'Kauppakatu 1',
  postalCode: '70100',
  city: 'Kuopio',
  businessId: '1234567-1',
  vatNumber: null,
  iban: 'FI2112345600000785',
  paymentTermDays: 14,
};

describe('the setup checklist of a new practice', () => {
  it('starts with every step to do, in order, each counted once done', async () => {
    const { owner } = await createPracticeWithOwner(database.db);
    const checklist = await getSetupChecklist(ctx(), owner);
    expect(checklist?.steps).toEqual(
      (
        ['practice', 'member', 'commissioner', 'client', 'contract', 'session', 'feed'] as const
      ).map((step) => ({ step, done: false })),
    );

    await createContractFixture(database.db, owner);
    expect(await doneSteps(ctx(), owner)).toEqual(['commissioner', 'client', 'contract']);

    await inviteMember(ctx(), owner, {
      email: 'uusi.ohjaaja@example.test',
      role: 'supervisor',
      locale: 'fi',
      mail: { appOrigin: TEST_ORIGIN, keyring: testKeyring },
    });
    await createFeed(ctx(), owner, {});
    expect(await doneSteps(ctx(), owner)).toEqual([
      'member',
      'commissioner',
      'client',
      'contract',
      'feed',
    ]);
  });

  it('counts the practice details done only when an invoice could be made from them', async () => {
    const { owner } = await createPracticeWithOwner(database.db);
    await updateInvoicingDetails(ctx(), owner, { ...details, iban: null });
    expect(await doneSteps(ctx(), owner)).toEqual([]);
    await updateInvoicingDetails(ctx(), owner, details);
    expect(await doneSteps(ctx(), owner)).toEqual(['practice']);
  });

  it('goes away once every step is done', async () => {
    const { owner } = await createPracticeWithOwner(database.db);
    const { contractId } = await createContractFixture(database.db, owner);
    await updateInvoicingDetails(ctx(), owner, details);
    await addMember(database.db, owner.practiceId, 'supervisor');
    await createFeed(ctx(), owner, {});
    expect(await doneSteps(ctx(), owner)).not.toContain('session' satisfies SetupStep);
    await bookSession(ctx(), owner, {
      contractId,
      startsAt: new Date('2027-01-12T08:00:00Z'),
      confirmPast: false,
    });
    expect(await getSetupChecklist(ctx(), owner)).toBeNull();
  });

  it('counts only the practice’s own records, and is shown to its owner only', async () => {
    const { owner } = await createPracticeWithOwner(database.db);
    const { owner: otherOwner } = await createPracticeWithOwner(database.db);
    await createContractFixture(database.db, otherOwner);
    await createFeed(ctx(), otherOwner, {});
    expect(await doneSteps(ctx(), owner)).toEqual([]);

    const supervisor = await addMember(database.db, owner.practiceId, 'supervisor');
    expect(await getSetupChecklist(ctx(), supervisor)).toBeNull();
    // The supervisor's joining counts as the owner's "invite a supervisor" step.
    expect(await doneSteps(ctx(), owner)).toEqual(['member']);
  });
});
