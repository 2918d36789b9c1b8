import { eq } from 'drizzle-orm';

import { users } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';

import { hashPassword, verifyPassword } from './password.server';
import { spendResetLinks } from './password-reset.server';
import { invalidateUserSessions } from './session.server';
import { clearAttempts, countAttempt, throttles } from './throttle.server';

/**
 * Changes the password, ends every session of the user except the one making the change and
 * spends any outstanding reset link.
 */
export async function changePassword(
  { db }: DomainContext,
  actor: { userId: string; sessionId: string },
  input: { currentPassword: string; password: string },
): Promise<void> {
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, actor.userId));
  if (!user) throw new AppError('not_found');
  // A stolen session must not become an unlimited oracle for the account's password.
  if (!(await countAttempt(db, throttles.passwordCheck, actor.userId))) {
    throw new AppError('throttled', 'settings.passwordThrottled');
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('invalid', 'settings.wrongPassword');
  }
  await clearAttempts(db, throttles.passwordCheck, actor.userId);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId));
    await invalidateUserSessions(tx, actor.userId, actor.sessionId);
    // A reset link mailed before the change must not undo it.
    await spendResetLinks(tx, actor.userId);
  });
}
