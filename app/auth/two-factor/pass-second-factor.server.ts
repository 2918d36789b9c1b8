import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { Locale } from '~/i18n';

import { clearAttempts, countAttempt, throttles, uncountAttempt } from '../throttle.server';
import { findPendingSignIn, spendPendingSignIn } from './pending-sign-in.server';
import { acceptSecondFactor } from './second-factor.server';

/**
 * The second step of signing in: a code from the app or a recovery code, for the sign-in the
 * token stands for. Every attempt is counted against the account and the IP address before
 * the code is looked at, like passwords are; over either limit it is refused unchecked.
 * Returns whom to sign in and where they were going.
 */
export async function passSecondFactor(
  ctx: DomainContext,
  input: { token: string; code: string; ip: string; locale: Locale },
): Promise<{ userId: string; redirectTo: string }> {
  const { db, now } = ctx;
  const pending = await findPendingSignIn(db, input.token, now);
  if (!pending) throw new AppError('unauthenticated', 'twoFactor.signInExpired');
  const { userId } = pending;
  const accountAllowed = await countAttempt(db, throttles.secondFactorAccount, userId, now);
  const ipAllowed = await countAttempt(db, throttles.loginIp, input.ip, now);
  if (!accountAllowed || !ipAllowed) throw new AppError('throttled', 'twoFactor.throttled');
  if (!(await acceptSecondFactor(ctx, userId, input.code, input.locale))) {
    throw new AppError('unauthenticated', 'twoFactor.wrongCode');
  }
  await clearAttempts(db, throttles.secondFactorAccount, userId);
  await uncountAttempt(db, throttles.loginIp, input.ip);
  // Of two tabs finishing the same sign-in, one gets the session.
  if (!(await spendPendingSignIn(db, input.token, userId, now))) {
    throw new AppError('unauthenticated', 'twoFactor.signInExpired');
  }
  return pending;
}
