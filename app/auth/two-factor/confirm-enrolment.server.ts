import { and, eq, isNull } from 'drizzle-orm';

import { authSessions, userTotp } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { Locale } from '~/i18n';

import { acceptTotpCode, hasTwoFactor } from './authenticator.server';
import { replaceRecoveryCodes } from './recovery-codes.server';
import { recordSecurityEvent } from './security-events.server';

/**
 * Turns two-factor sign-in on once a code from the app proves it holds the pending secret.
 * Returns the ten recovery codes, which exist in plain text only in this answer.
 */
export async function confirmTotpEnrolment(
  ctx: DomainContext,
  userId: string,
  input: { code: string; locale: Locale },
): Promise<{ recoveryCodes: string[] }> {
  if (await hasTwoFactor(ctx.db, userId)) throw new AppError('conflict', 'twoFactor.alreadyOn');
  return ctx.db.transaction(async (tx) => {
    if (!(await acceptTotpCode({ ...ctx, db: tx }, userId, input.code, 'pending'))) {
      throw new AppError('invalid', 'twoFactor.wrongCode');
    }
    await tx
      .update(userTotp)
      .set({ enabledAt: ctx.now })
      .where(and(eq(userTotp.userId, userId), isNull(userTotp.enabledAt)));
    const recoveryCodes = await replaceRecoveryCodes(tx, userId, ctx.now);
    // Sessions that were led here to set it up may go anywhere again.
    await tx
      .update(authSessions)
      .set({ twoFactorSetupRequired: false })
      .where(eq(authSessions.userId, userId));
    await recordSecurityEvent(tx, {
      userId,
      kind: 'two_factor_enrolled',
      now: ctx.now,
      locale: input.locale,
    });
    return { recoveryCodes };
  });
}
