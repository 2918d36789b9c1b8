import type { PracticeRole } from '#db/schema/values';
import { AppError } from '~/errors';

/** Who is acting, in which practice and with which role. Every domain function takes one. */
export interface Actor {
  userId: string;
  practiceId: string;
  role: PracticeRole;
}

export function assertRole(actor: Actor, role: PracticeRole): void {
  // An owner may do everything a supervisor may.
  if (role === 'owner' && actor.role !== 'owner') throw new AppError('forbidden');
}
