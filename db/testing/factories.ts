import { randomBytes } from 'node:crypto';

import { markEmailVerified } from '~/auth/email-verification.server';
import { signUp } from '~/auth/sign-up.server';
import type { MemberActor } from '~/practices/actor';

import type { Db } from '../client';
import {
  clients,
  commissioners,
  contractParticipants,
  contracts,
  memberships,
  type PracticeRole,
  users,
} from '../schema';
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
  const signedUp = await signUp(db, {
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

/** Adds a member with the given role; the password hash is not a usable one. */
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

/** A commissioner, a supervisee and an active individual contract supervised by `actor`. */
export async function createContractFixture(
  db: Db,
  actor: MemberActor,
  overrides: Partial<typeof contracts.$inferInsert> = {},
): Promise<{ contractId: string; clientId: string; commissionerId: string }> {
  const [commissioner] = await db
    .insert(commissioners)
    .values({ practiceId: actor.practiceId, name: 'Kuopion kaupunki', businessId: '0201256-6' })
    .returning({ id: commissioners.id });
  const [client] = await db
    .insert(clients)
    .values({ practiceId: actor.practiceId, name: 'Maria Lehtonen', organisation: 'Kuopio' })
    .returning({ id: clients.id });
  if (!commissioner || !client) throw new Error('insert returned no row');
  const [contract] = await db
    .insert(contracts)
    .values({
      practiceId: actor.practiceId,
      supervisorId: actor.userId,
      commissionerId: commissioner.id,
      code: `TO-${randomBytes(3).toString('hex')}`,
      form: 'individual',
      status: 'active',
      sessionsAgreed: 10,
      sessionMinutes: 60,
      rhythmWeeks: 3,
      startsOn: '2026-09-01',
      priceCents: 15_000,
      vatRateBasisPoints: 2550,
      cancellationNoticeHours: 24,
      chargeLateCancellation: true,
      chargeNoShow: true,
      ...overrides,
    })
    .returning({ id: contracts.id });
  if (!contract) throw new Error('insert returned no row');
  await db
    .insert(contractParticipants)
    .values({ contractId: contract.id, clientId: client.id, practiceId: actor.practiceId });
  return { contractId: contract.id, clientId: client.id, commissionerId: commissioner.id };
}
