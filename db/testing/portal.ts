/** Supervisees with portal access, for the portal's tests. */
import { createClient } from '~/clients/clients.server';
import type { MemberActor, SuperviseeActor } from '~/practices/actor';

import type { Db } from '../client';
import { portalAccess, users } from '../schema';
import { testContext } from './context';
import {
  addMember,
  createContractFixture,
  createPracticeWithOwner,
  uniqueEmail,
} from './factories';
import { insertSession } from './sessions';

/**
 * Gives the client row `clientId` of `practiceId` a portal account, as an accepted
 * invitation would. Pass `userId` to give an existing user (a supervisee of another
 * practice) access here too.
 */
export async function addSupervisee(
  db: Db,
  input: { practiceId: string; clientId: string; userId?: string; name?: string },
): Promise<SuperviseeActor & { email: string }> {
  let userId = input.userId;
  let email = '';
  if (!userId) {
    email = uniqueEmail('tyonohjattava');
    const [user] = await db
      .insert(users)
      .values({
        email,
        name: input.name ?? 'Tuula Työnohjattava',
        passwordHash: 'not-a-hash',
        emailVerifiedAt: new Date(),
      })
      .returning({ id: users.id });
    if (!user) throw new Error('insert returned no row');
    userId = user.id;
  }
  await db
    .insert(portalAccess)
    .values({ practiceId: input.practiceId, clientId: input.clientId, userId });
  return {
    kind: 'supervisee',
    userId,
    practiceId: input.practiceId,
    clientIds: [input.clientId],
    email,
  };
}

export type PortalPersona =
  'anonymous' | 'self' | 'sameGroup' | 'samePractice' | 'otherPractice' | 'staff';

/**
 * The people every portal authorization test is about. In one practice, `author` supervises
 * a group contract whose participants are `self` and `sameGroup`, each with a portal account,
 * and an individual contract of `samePractice`. `otherPractice` is a supervisee of another
 * practice; `staff` is the supervisor (a member, not a supervisee). Each contract has one
 * held session.
 */
export async function createPortalCast(db: Db) {
  const { owner } = await createPracticeWithOwner(db);
  const author = await addMember(db, owner.practiceId, 'supervisor');
  const newClient = (actor: MemberActor, name: string) =>
    createClient(testContext(db), actor, {
      name,
      email: null,
      phone: null,
      title: null,
      organisation: null,
      background: null,
      streetAddress: null,
      postalCode: null,
      city: null,
    });
  const selfClientId = await newClient(author, 'Maria Lehtonen');
  const groupmateClientId = await newClient(author, 'Pekka Virtanen');
  const group = await createContractFixture(db, author, {
    form: 'group',
    participants: [selfClientId, groupmateClientId],
  });
  const individual = await createContractFixture(db, author);
  const { owner: otherOwner } = await createPracticeWithOwner(db, { practiceName: 'Toinen Oy' });
  const elsewhere = await createContractFixture(db, otherOwner);
  const held = (practiceId: string, contractId: string, supervisorId: string) =>
    insertSession(db, {
      practiceId,
      contractId,
      supervisorId,
      startsAt: new Date('2026-11-10T08:00:00Z'),
      status: 'held',
    });
  const sessionId = await held(owner.practiceId, group.contractId, author.userId);
  const individualSessionId = await held(owner.practiceId, individual.contractId, author.userId);
  await held(otherOwner.practiceId, elsewhere.contractId, otherOwner.userId);
  const self = await addSupervisee(db, { practiceId: owner.practiceId, clientId: selfClientId });
  const sameGroup = await addSupervisee(db, {
    practiceId: owner.practiceId,
    clientId: groupmateClientId,
    name: 'Pekka Virtanen',
  });
  const samePractice = await addSupervisee(db, {
    practiceId: owner.practiceId,
    clientId: individual.clientId,
  });
  const otherPractice = await addSupervisee(db, {
    practiceId: otherOwner.practiceId,
    clientId: elsewhere.clientId,
  });
  return {
    owner,
    author,
    self,
    sameGroup,
    samePractice,
    otherPractice,
    /** The group contract of `self` and `sameGroup`, and its held session. */
    contractId: group.contractId,
    sessionId,
    clientId: selfClientId,
    individualContractId: individual.contractId,
    individualSessionId,
    /** Whose user id each persona signs in as (null: anonymous). */
    userIds: {
      anonymous: null,
      self: self.userId,
      sameGroup: sameGroup.userId,
      samePractice: samePractice.userId,
      otherPractice: otherPractice.userId,
      staff: author.userId,
    } satisfies Record<PortalPersona, string | null>,
  };
}
