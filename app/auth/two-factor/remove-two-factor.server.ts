import { eq } from 'drizzle-orm';

import { authSessions, pendingSignIns, recoveryCodes, userTotp } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { Locale } from '~/i18n';

import { clearAttempts, countAttempt, throttles } from '../throttle.server';
import { hasTwoFactor } from './authenticator.server';
import { passwordMatches } from './regenerate-recovery-codes.server';
import { twoFactorRequired } from './requirement.server';
import { acceptSecondFactor } from './second-factor.server';
import { recordSecurityEvent } from './security-events.server';

/**
 * Turns two-factor sign-in off: the password and a code (from the app, or a recovery code
 * when the phone is lost) are both needed. If a practice requires it, the user's sessions
 * are led to set it up again straight away.
 */
export async function removeTwoFactor(
  ctx: DomainContext,
  userId: string,
  input: { password: string; code: string; locale: Locale },
): Promise<{ setupRequired: boolean }> {
  const { db, now } = ctx;
  if (!(await hasTwoFactor(db, userId))) throw new AppError('conflict', 'twoFactor.notOn');
  if (!(await countAttempt(db, throttles.passwordCheck, userId, now))) {
    throw new AppError('throttled', 'settings.passwordThrottled');
  }
  if (!(await passwordMatches(ctx, userId, input.password))) {
    throw new AppError('invalid', 'settings.wrongPassword');
  }
  if (!(await acceptSecondFactor(ctx, userId, input.code, input.locale))) {
    throw new AppError('invalid', 'twoFactor.wrongCode');
  }
  await clearAttempts(db, throttles.passwordCheck, userId);
  return db.transaction(async (tx) => {
    await tx.delete(userTotp).where(eq(userTotp.userId, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.delete(pendingSignIns).where(eq(pendingSignIns.userId, userId));
    const setupRequired = await twoFactorRequired(tx, userId);
    if (setupRequired) {
      await tx
        .update(authSessions)
        .set({ twoFactorSetupRequired: true })
        .where(eq(authSessions.userId, userId));
    }
    await recordSecurityEvent(tx, {
      userId,
      kind: 'two_factor_removed',
      now,
      locale: input.locale,
    });
    return { setupRequired };
  });
}
