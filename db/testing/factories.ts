import { randomBytes } from 'node:crypto';

import { markEmailVerified } from '~/auth/email-verification.server';
import { signUp } from '~/auth/sign-up.server';
import { createClient } from '~/clients/clients.server';
import { createCommissioner } from '~/commissioners/commissioners.server';
import { createContract } from '~/contracts/create-contract.server';
import { activateContract, endContract } from '~/contracts/status.server';
import type { MemberActor } from '~/practices/actor';

import type { Db } from '../client';
import { type contracts, memberships, type PracticeRole, users } from '../schema';
import { testContext } from './context';
import { testKeyring } from './keyring';

export const TEST_PASSWORD = 'harmaa-lokki-lentää-2026';

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${randomBytes(5).toString('hex')}@example.test`;
}

export const TEST_ORIGIN = 'https://ohjaamo.test';

/**
 * A practice with its owner, made through the real sign-up. The owner's address counts as
 * confirmed unless `verified: false` is asked for.
 */
export async function createPracticeWithOwner(
  db: Db,
  overrides: { email?: string; password?: string; practiceName?: string; verified?: boolean } = {},
): Promise<{ owner: MemberActor; email: string; password: string }> {
  const email = overrides.email ?? uniqueEmail('owner');
  const password = overrides.password ?? TEST_PASSWORD;
  const signedUp = await signUp(testContext(db), {
    practiceName: overrides.practiceName ?? 'Testiohjaus Oy',
    name: 'Olli Omistaja',
    email,
    password,
    mail: { appOrigin: TEST_ORIGIN, keyring: testKeyring },
  });
  if (signedUp.kind !== 'created') throw new Error(`${email} already has an account`);
  const { userId, practiceId } = signedUp;
  if (overrides.verified !== false) await markEmailVerified(db, userId);
  return { owner: { kind: 'member', userId, practiceId, role: 'owner' }, email, password };
}

/**
 * Adds a member with the given role; the password hash is not a usable one. Inserted directly:
 * the real way in is an invitation, mailed with a token and throttled per practice, and the
 * tests that need many members are about what members may do, not how they joined (the
 * invitation path has its own tests in app/practices).
 */
export async function addMember(
  db: Db,
  practiceId: string,
  role: PracticeRole = 'supervisor',
): Promise<MemberActor & { email: string }> {
  const email = uniqueEmail(role);
  const [user] = await db
    .insert(users)
    .values({
      email,
      name: 'Sini Supervisor',
      passwordHash: 'not-a-hash',
      emailVerifiedAt: new Date(),
    })
    .returning({ id: users.id });
  if (!user) throw new Error('insert returned no row');
  await db.insert(memberships).values({ practiceId, userId: user.id, role });
  return { kind: 'member', userId: user.id, practiceId, role, email };
}

/**
 * A commissioner, a supervisee and an active individual contract supervised by `actor`, made
 * the way a user makes them: created as a draft, then put in force (or left a draft, or ended,
 * as `overrides.status` asks).
 */
export async function createContractFixture(
  db: Db,
  actor: MemberActor,
  overrides: Partial<typeof contracts.$inferInsert> & { participants?: string[] } = {},
): Promise<{ contractId: string; clientId: string; commissionerId: string }> {
  const commissionerId = await createCommissioner(testContext(db), actor, {
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
  // Given participants stand for the supervisees; otherwise one is made.
  const clientId =
    overrides.participants?.[0] ??
    (await createClient(testContext(db), actor, {
      name: 'Maria Lehtonen',
      email: null,
      phone: null,
      title: null,
      organisation: 'Kuopio',
      background: null,
      streetAddress: null,
      postalCode: null,
      city: null,
    }));
  const { status = 'active', ...columns } = overrides;
  const contractId = await createContract(testContext(db), actor, {
    supervisorId: actor.userId,
    commissionerId,
    participants: overrides.participants ?? [clientId],
    goals: [],
    code: `TO-${randomBytes(3).toString('hex')}`,
    form: 'individual',
    sessionsAgreed: 10,
    sessionMinutes: 60,
    rhythmWeeks: 3,
    location: null,
    remoteLink: null,
    startsOn: '2026-09-01',
    plannedEndOn: null,
    guidingQuestion: null,
    methods: null,
    priceCents: 15_000,
    vatRateBasisPoints: 2550,
    vatExemptReason: null,
    payer: 'commissioner',
    cancellationNoticeHours: 24,
    chargeLateCancellation: true,
    chargeNoShow: true,
    commissionerDisclosure: 'attendance',
    retentionMonths: 24,
    ...columns,
  });
  if (status !== 'draft') await activateContract(testContext(db), actor, contractId);
  if (status === 'ended') await endContract(testContext(db), actor, contractId);
  return { contractId, clientId, commissionerId };
}
