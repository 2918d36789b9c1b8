import type { PracticeRole } from '#db/schema/values';
import { AppError } from '~/errors';

/** A member of the practice (owner or supervisor) acting in their current practice. */
export interface MemberActor {
  kind: 'member';
  userId: string;
  practiceId: string;
  role: PracticeRole;
}

/**
 * A supervisee signed in to the portal (not built yet). They act only on their own
 * contracts: `clientIds` are the client rows that stand for them in the practice. No
 * member-only domain function accepts this variant, so it cannot be passed by mistake.
 */
export interface SuperviseeActor {
  kind: 'supervisee';
  userId: string;
  practiceId: string;
  clientIds: readonly string[];
}

/**
 * Who is acting, in which practice. Domain functions for practice members take
 * `MemberActor`; rules that a supervisee may also meet take `Actor` (docs/decisions/008).
 */
export type Actor = MemberActor | SuperviseeActor;

export function memberActor(userId: string, practiceId: string, role: PracticeRole): MemberActor {
  return { kind: 'member', userId, practiceId, role };
}

export function assertRole(actor: MemberActor, role: PracticeRole): void {
  // An owner may do everything a supervisor may.
  if (role === 'owner' && actor.role !== 'owner') throw new AppError('forbidden');
}
