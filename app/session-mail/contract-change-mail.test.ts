import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { outbox } from '#db/schema';
import { testContext } from '#db/testing/context';
import { createPracticeWithOwner, uniqueEmail } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import { createClient } from '~/clients/clients.server';
import { createCommissioner } from '~/commissioners/commissioners.server';
import { createContract } from '~/contracts/create-contract.server';
import { activateContract } from '~/contracts/status.server';
import { updateContract } from '~/contracts/update-contract.server';
import type { MemberActor } from '~/practices/actor';
import { bookSession } from '~/sessions/booking.server';
import { now } from '~/sessions/test-fixtures';
import { helsinkiInstant } from '~/time/helsinki';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;
const ctx = () => testContext(db(), now);

async function supervisee(actor: MemberActor, name: string) {
  const email = uniqueEmail('supervisee');
  const id = await createClient(ctx(), actor, {
    name,
    email,
    phone: null,
    title: null,
    organisation: null,
    background: null,
    streetAddress: null,
    postalCode: null,
    city: null,
  });
  return { id, email };
}

/** A group contract (Maria and Olli) with two coming sessions, one with a place of its own. */
async function groupWithSessions() {
  const { owner } = await createPracticeWithOwner(db());
  const maria = await supervisee(owner, 'Maria Lehtonen');
  const olli = await supervisee(owner, 'Olli Aho');
  const commissionerId = await createCommissioner(ctx(), owner, {
    name: 'Kuopion kaupunki',
    businessId: '0201256-6',
    billingContact: null,
    billingEmail: null,
    addressLine: null,
    postalCode: null,
    city: null,
    eInvoiceAddress: null,
    eInvoiceOperator: null,
  });
  const input = {
    supervisorId: owner.userId,
    commissionerId,
    participants: [maria.id, olli.id],
    goals: [],
    code: 'TO-RYHMA-1',
    form: 'group' as const,
    sessionsAgreed: 10,
    sessionMinutes: 90,
    rhythmWeeks: 3,
    location: 'Kuopio, Suokatu 1',
    remoteLink: null,
    startsOn: '2026-09-01',
    plannedEndOn: null,
    guidingQuestion: null,
    methods: null,
    priceCents: 30_000,
    vatRateBasisPoints: 2550,
    vatExemptReason: null,
    payer: 'commissioner' as const,
    cancellationNoticeHours: 24,
    chargeLateCancellation: true,
    chargeNoShow: true,
    commissionerDisclosure: 'attendance' as const,
    retentionMonths: 24,
  };
  const contractId = await createContract(ctx(), owner, input);
  await activateContract(ctx(), owner, contractId);
  const atContractPlace = await bookSession(ctx(), owner, {
    contractId,
    startsAt: helsinkiInstant('2026-12-01', '09:00'),
    confirmPast: false,
  });
  const ownPlace = await bookSession(ctx(), owner, {
    contractId,
    startsAt: helsinkiInstant('2026-12-15', '09:00'),
    location: 'Kuopio, kirjaston kokoushuone',
    confirmPast: false,
  });
  await db()
    .delete(outbox)
    .where(inArray(outbox.toAddress, [maria.email, olli.email]));
  return { owner, contractId, input, maria, olli, atContractPlace, ownPlace };
}

/** [method, session id, SEQUENCE] of every mail to an address. */
async function invitationsTo(email: string) {
  const rows = await db().select().from(outbox).where(eq(outbox.toAddress, email));
  return rows.map((row) => {
    const body = (row.calendarBody ?? '').replace(/\r\n[ \t]/g, '');
    const uid = /^UID:(.+)@ohjaamo\r?$/m.exec(body)?.[1];
    const sequence = Number(/^SEQUENCE:(\d+)\r?$/m.exec(body)?.[1]);
    return [row.calendarMethod, uid, sequence] as const;
  });
}

const sorted = <T extends readonly unknown[]>(list: T[]) =>
  [...list].sort((a, b) => String(a[1]).localeCompare(String(b[1])));

describe('contract edits reaching the supervisees’ calendars', () => {
  it('mails a new contract place for the sessions that use it', async () => {
    const { owner, contractId, input, maria, olli, atContractPlace } = await groupWithSessions();
    await updateContract(ctx(), owner, contractId, {
      ...input,
      location: 'Kuopio, Tulliportinkatu 2',
    });
    for (const { email } of [maria, olli]) {
      expect(await invitationsTo(email)).toEqual([['REQUEST', atContractPlace, 1]]);
    }
    const [mail] = await db().select().from(outbox).where(eq(outbox.toAddress, maria.email));
    expect(mail?.textBody).toContain('Tulliportinkatu 2');
  });

  it('mails a new remote link for every coming session', async () => {
    const { owner, contractId, input, maria, atContractPlace, ownPlace } =
      await groupWithSessions();
    await updateContract(ctx(), owner, contractId, {
      ...input,
      remoteLink: 'https://meet.example/ryhma',
    });
    expect(sorted(await invitationsTo(maria.email))).toEqual(
      sorted([
        ['REQUEST', atContractPlace, 1],
        ['REQUEST', ownPlace, 1],
      ]),
    );
  });

  it('invites a new participant and cancels for one taken off, leaving the others be', async () => {
    const { owner, contractId, input, maria, olli, atContractPlace, ownPlace } =
      await groupWithSessions();
    const eeva = await supervisee(owner, 'Eeva Nieminen');
    await updateContract(ctx(), owner, contractId, {
      ...input,
      participants: [maria.id, eeva.id],
    });
    expect(sorted(await invitationsTo(olli.email))).toEqual(
      sorted([
        ['CANCEL', atContractPlace, 1],
        ['CANCEL', ownPlace, 1],
      ]),
    );
    expect(sorted(await invitationsTo(eeva.email))).toEqual(
      sorted([
        ['REQUEST', atContractPlace, 1],
        ['REQUEST', ownPlace, 1],
      ]),
    );
    expect(await invitationsTo(maria.email)).toEqual([]);
  });

  it('mails nothing when the edit does not touch place, link or participants', async () => {
    const { owner, contractId, input, maria } = await groupWithSessions();
    await updateContract(ctx(), owner, contractId, { ...input, methods: 'Reflektiivinen' });
    expect(await invitationsTo(maria.email)).toEqual([]);
  });
});
