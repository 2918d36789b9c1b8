import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { invitations, memberships, outbox } from '#db/schema';
import { testContext } from '#db/testing/context';
import { expectAppError } from '#db/testing/errors';
import {
  addMember,
  createPracticeWithOwner,
  TEST_ORIGIN,
  TEST_PASSWORD,
  uniqueEmail,
} from '#db/testing/factories';
import { testKeyring } from '#db/testing/keyring';
import { createTestDatabase } from '#db/testing/test-database';
import { isEmailVerified, verifyEmail } from '~/auth/email-verification.server';
import { unsealBody } from '~/email/sealed-link.server';
import { AppError } from '~/errors';

import type { MemberActor } from './actor';
import { acceptInvitation, inviteMember } from './invitations.server';
import { listMembers } from './memberships.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const db = () => database.db;
const minutes = (n: number) => n * 60 * 1000;
const mail = { appOrigin: TEST_ORIGIN, keyring: testKeyring };

const invite = (actor: MemberActor, email = uniqueEmail('kutsuttu'), now?: Date) =>
  inviteMember(testContext(db(), now), actor, { email, role: 'supervisor', locale: 'fi', mail });

const invitationCount = async (practiceId: string) =>
  (await db().select().from(invitations).where(eq(invitations.practiceId, practiceId))).length;

async function invitationToken(email: string): Promise<string> {
  // Only invitations carry a practice; an account's own mail (confirmation) does not.
  const [row] = await db()
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), isNotNull(outbox.practiceId)));
  const token = row && unsealBody(testKeyring, row)?.match(/\/invite\/([\w-]+)/)?.[1];
  if (!token) throw new Error('no invitation link in the mail');
  return token;
}

describe('invitations need a confirmed address', () => {
  it('an owner who has not confirmed their address cannot invite, and can after confirming', async () => {
    const { owner, email } = await createPracticeWithOwner(db(), { verified: false });
    await expectAppError(invite(owner), 'members.verifyFirst');
    expect(await invitationCount(owner.practiceId)).toBe(0);

    const [row] = await db().select().from(outbox).where(eq(outbox.toAddress, email));
    const token = row && unsealBody(testKeyring, row)?.match(/\/verify-email\/([\w-]+)/)?.[1];
    await verifyEmail(testContext(db()), token ?? '');
    await invite(owner);
    expect(await invitationCount(owner.practiceId)).toBe(1);
  });

  it('accepting an invitation proves the address, for a new account and a signed-in one', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const newcomer = uniqueEmail('uusi');
    await invite(owner, newcomer);
    const joined = await acceptInvitation(testContext(db()), await invitationToken(newcomer), {
      kind: 'new-account',
      name: 'Uusi Ohjaaja',
      password: TEST_PASSWORD,
      locale: null,
    });
    expect(await isEmailVerified(db(), joined.userId)).toBe(true);

    const existing = await createPracticeWithOwner(db(), { verified: false });
    await invite(owner, existing.email);
    await acceptInvitation(testContext(db()), await invitationToken(existing.email), {
      kind: 'signed-in',
      userId: existing.owner.userId,
      email: existing.email,
    });
    expect(await isEmailVerified(db(), existing.owner.userId)).toBe(true);
  });
});

describe('invitation limits', () => {
  it('the 21st invitation of one practice within an hour is refused', async () => {
    const { owner } = await createPracticeWithOwner(db());
    // Two owners share the practice's limit.
    const coOwner = await addMember(db(), owner.practiceId, 'owner');
    const now = new Date();
    for (let i = 0; i < 20; i++) await invite(i % 2 ? owner : coOwner, undefined, now);
    await expectAppError(invite(owner, undefined, now), 'members.throttled');
    await expectAppError(invite(coOwner, undefined, now), 'members.throttled');
    expect(await invitationCount(owner.practiceId)).toBe(20);
    await invite(owner, undefined, new Date(now.getTime() + minutes(61)));
    expect(await invitationCount(owner.practiceId)).toBe(21);
  });

  it('the 21st invitation of one sender within an hour is refused, across practices', async () => {
    const first = await createPracticeWithOwner(db());
    const second = await createPracticeWithOwner(db());
    await db()
      .insert(memberships)
      .values({ practiceId: second.owner.practiceId, userId: first.owner.userId, role: 'owner' });
    const inFirst = first.owner;
    const inSecond: MemberActor = { ...first.owner, practiceId: second.owner.practiceId };
    const now = new Date();
    for (let i = 0; i < 20; i++) await invite(i % 2 ? inFirst : inSecond, undefined, now);
    await expectAppError(invite(inSecond, undefined, now), 'members.throttled');
    // The other owner of the second practice still has room.
    await invite(second.owner, undefined, now);
  });

  it('an invitation refused for another reason does not count', async () => {
    const { owner, email } = await createPracticeWithOwner(db());
    const now = new Date();
    for (let i = 0; i < 25; i++) {
      await expectAppError(invite(owner, email, now), 'members.alreadyMember');
    }
    await invite(owner, undefined, now);
    const sent = await db().select().from(outbox).where(eq(outbox.practiceId, owner.practiceId));
    expect(sent).toHaveLength(1);
  });
});

describe('member list', () => {
  it('is refused to a supervisor, even if the route forgot to check', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const supervisor = await addMember(db(), owner.practiceId, 'supervisor');
    const refused = await listMembers(testContext(db()), supervisor).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('forbidden');
    expect(await listMembers(testContext(db()), owner)).toHaveLength(2);
  });
});
