import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { practices, practiceSettingsAuditLog } from '#db/schema';
import { testContext } from '#db/testing/context';
import { expectAppError } from '#db/testing/errors';
import { createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import type { MemberActor } from '~/practices/actor';

import {
  assertReadyToInvoice,
  missingInvoicingDetails,
  readInvoicingDetails,
  updateInvoicingDetails,
} from './invoicing-details.server';
import type { InvoicingDetails } from './schemas';

let database: Database;
let owner: MemberActor;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ owner } = await createPracticeWithOwner(database.db));
});
afterAll(() => database.close());

const ctx = (now = new Date('2026-12-01T10:00:00Z')) => testContext(database.db, now);

const complete: InvoicingDetails = {
  legalName: 'Työnohjaus Virtanen Oy',
  streetAddress: 'Hämeenkatu 1 A 2',
  postalCode: '33100',
  city: 'Tampere',
  businessId: '0112038-9',
  vatNumber: 'FI01120389',
  iban: 'FI9080002627761348',
  paymentTermDays: 14,
};

async function auditTrail(practiceId: string) {
  return database.db
    .select({
      actorId: practiceSettingsAuditLog.actorId,
      setting: practiceSettingsAuditLog.setting,
      changedFields: practiceSettingsAuditLog.changedFields,
      createdAt: practiceSettingsAuditLog.createdAt,
    })
    .from(practiceSettingsAuditLog)
    .where(eq(practiceSettingsAuditLog.practiceId, practiceId))
    .orderBy(practiceSettingsAuditLog.createdAt);
}

describe('the practice’s invoicing details', () => {
  it('start empty, with the usual 14 days net, and invoicing cannot start', async () => {
    const { owner: fresh } = await createPracticeWithOwner(database.db);
    const details = await readInvoicingDetails(ctx(), fresh);
    expect(details).toEqual({
      legalName: null,
      streetAddress: null,
      postalCode: null,
      city: null,
      businessId: null,
      vatNumber: null,
      iban: null,
      paymentTermDays: 14,
    });
    expect(missingInvoicingDetails(details)).toEqual([
      'legalName',
      'streetAddress',
      'postalCode',
      'city',
      'businessId',
      'iban',
    ]);
    expect(() => assertReadyToInvoice(details)).toThrow(
      expect.objectContaining({ code: 'invalid', messageKey: 'billing.details.incomplete' }),
    );
    const [sequence] = await database.db
      .select({ next: practices.nextInvoiceNumber })
      .from(practices)
      .where(eq(practices.id, fresh.practiceId));
    expect(sequence?.next).toBe(1);
  });

  it('are saved by the owner, and each save that changes something is recorded', async () => {
    const first = await updateInvoicingDetails(ctx(), owner, complete);
    expect(first.changedFields).toEqual([
      'legalName',
      'streetAddress',
      'postalCode',
      'city',
      'businessId',
      'vatNumber',
      'iban',
    ]);
    const saved = await readInvoicingDetails(ctx(), owner);
    expect(saved).toEqual(complete);
    expect(missingInvoicingDetails(saved)).toEqual([]);
    expect(() => assertReadyToInvoice(saved)).not.toThrow();

    // The same details again change nothing, and leave no entry.
    expect((await updateInvoicingDetails(ctx(), owner, complete)).changedFields).toEqual([]);
    // A new account: the entry names it, and only it.
    const later = new Date('2026-12-02T08:30:00Z');
    await updateInvoicingDetails(ctx(later), owner, { ...complete, iban: 'FI2680003710241081' });

    const trail = await auditTrail(owner.practiceId);
    expect(trail).toEqual([
      {
        actorId: owner.userId,
        setting: 'invoicing_details',
        changedFields: first.changedFields,
        createdAt: new Date('2026-12-01T10:00:00Z'),
      },
      {
        actorId: owner.userId,
        setting: 'invoicing_details',
        changedFields: ['iban'],
        createdAt: later,
      },
    ]);
  });

  it('may go without a VAT number: a practice under the VAT threshold has none', async () => {
    const { owner: small } = await createPracticeWithOwner(database.db);
    await updateInvoicingDetails(ctx(), small, { ...complete, vatNumber: null });
    const details = await readInvoicingDetails(ctx(), small);
    expect(details.vatNumber).toBeNull();
    expect(missingInvoicingDetails(details)).toEqual([]);
  });

  it('change only the owner’s own practice', async () => {
    const { owner: other } = await createPracticeWithOwner(database.db);
    await updateInvoicingDetails(ctx(), other, { ...complete, legalName: 'Toinen Oy' });
    expect((await readInvoicingDetails(ctx(), owner)).legalName).toBe(complete.legalName);
    expect((await readInvoicingDetails(ctx(), other)).legalName).toBe('Toinen Oy');
    expect(await auditTrail(other.practiceId)).toHaveLength(1);
  });

  it('are refused by the database outside the allowed payment terms', async () => {
    await expect(
      database.db
        .update(practices)
        .set({ paymentTermDays: 91 })
        .where(eq(practices.id, owner.practiceId)),
    ).rejects.toThrow();
    await expect(
      database.db.execute(
        sql`update practices set next_invoice_number = 0 where id = ${owner.practiceId}`,
      ),
    ).rejects.toThrow();
  });

  it('cannot be saved for a practice that is gone', async () => {
    const ghost: MemberActor = { ...owner, practiceId: '00000000-0000-4000-8000-000000000000' };
    await expectAppError(updateInvoicingDetails(ctx(), ghost, complete), 'error.notFound');
    await expectAppError(readInvoicingDetails(ctx(), ghost), 'error.notFound');
  });
});
