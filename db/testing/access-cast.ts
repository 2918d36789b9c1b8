/** The people every access table is about, in one practice and a second one. */
import { isAppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import type { Db } from '../client';
import { addMember, createContractFixture, createPracticeWithOwner } from './factories';
import { insertSession } from './sessions';

export type CastRole = 'author' | 'colleague' | 'owner' | 'outsider';

/**
 * A practice whose owner employs two supervisors: `author` supervises a contract with one
 * held session; `colleague` supervises nothing of it. `outsider` owns another practice.
 * The access tables and the whole-app route tests all start from this cast.
 */
export async function createAccessCast(db: Db) {
  const { owner } = await createPracticeWithOwner(db);
  const author = await addMember(db, owner.practiceId, 'supervisor');
  const colleague = await addMember(db, owner.practiceId, 'supervisor');
  const { owner: outsider } = await createPracticeWithOwner(db, { practiceName: 'Toinen Oy' });
  const fixture = await createContractFixture(db, author);
  const { contractId, clientId } = fixture;
  const sessionId = await insertSession(db, {
    practiceId: owner.practiceId,
    contractId,
    supervisorId: author.userId,
    startsAt: new Date('2026-11-10T08:00:00Z'),
    status: 'held',
  });
  const actors: Record<CastRole, MemberActor> = { author, colleague, owner, outsider };
  return {
    actors,
    owner,
    author,
    colleague,
    outsider,
    contractId,
    clientId,
    commissionerId: fixture.commissionerId,
    sessionId,
  };
}

/** 'allowed', or the refusal's code; anything that is not an AppError fails the test. */
export async function outcomeOf(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
    return 'allowed';
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}
