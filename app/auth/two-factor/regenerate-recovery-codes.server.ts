import { eq } from 'drizzle-orm';

import { users } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { Locale } from '~/i18n';

import { verifyPassword } from '../password.server';
import { clearAttempts, countAttempt, throttles } from '../throttle.server';
import { acceptTotpCode, hasTwoFactor } from './authenticator.server';
import { replaceRecoveryCodes } from './recovery-codes.server';
import { recordSecurityEvent } from './security-events.server';

/**
 * Replaces the user's recovery codes with ten new ones (the old ones stop working) after a
 * current code from the app, or the password, proves it is them and not just their session.
 */
export async function regenerateRecoveryCodes(
  ctx: DomainContext,
  userId: string,
  input: { code: string; password: string; locale: Locale },
): Promise<{ recoveryCodes: string[] }> {
  const { db, now } = ctx;
  if (!(await hasTwoFactor(db, userId))) throw new AppError('conflict', 'twoFactor.notOn');
  // A stolen session must not become an oracle for the password or the codes.
  if (!(await countAttempt(db, throttles.passwordCheck, userId, now))) {
    throw new AppError('throttled', 'settings.passwordThrottled');
  }
  const proven = input.code
    ? await acceptTotpCode(ctx, userId, input.code)
    : await passwordMatches(ctx, userId, input.password);
  if (!proven) throw new AppError('invalid', 'twoFactor.wrongCodeOrPassword');
  await clearAttempts(db, throttles.passwordCheck, userId);
  return db.transaction(async (tx) => {
    const recoveryCodes = await replaceRecoveryCodes(tx, userId, now);
    await recordSecurityEvent(tx, {
      userId,
      kind: 'recovery_codes_regenerated',
      now,
      locale: input.locale,
    });
    return { recoveryCodes };
  });
}

export async function passwordMatches(
  { db }: DomainContext,
  userId: string,
  password: string,
): Promise<boolean> {
  if (!password) return false;
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  return user ? verifyPassword(user.passwordHash, password) : false;
}
