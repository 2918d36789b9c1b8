import { eq } from 'drizzle-orm';

import { practices } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';

import { assertRole, type MemberActor } from './actor';

export interface TwoFactorRequirement {
  staff: boolean;
  supervisees: boolean;
}

/** Whether the actor's practice requires two-factor sign-in of its staff and supervisees. */
export async function readTwoFactorRequirement(
  { db }: DomainContext,
  actor: MemberActor,
): Promise<TwoFactorRequirement> {
  const [row] = await db
    .select({
      staff: practices.requireTwoFactorStaff,
      supervisees: practices.requireTwoFactorSupervisees,
    })
    .from(practices)
    .where(eq(practices.id, actor.practiceId));
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * The owner's switch. It applies from each user's next sign-in: whoever has no second
 * factor then is led to set one up before anything else.
 */
export async function setTwoFactorRequirement(
  { db }: DomainContext,
  actor: MemberActor,
  input: TwoFactorRequirement,
): Promise<void> {
  assertRole(actor, 'owner');
  await db
    .update(practices)
    .set({
      requireTwoFactorStaff: input.staff,
      requireTwoFactorSupervisees: input.supervisees,
    })
    .where(eq(practices.id, actor.practiceId));
}
