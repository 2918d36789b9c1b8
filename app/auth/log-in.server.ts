import { eq } from 'drizzle-orm';

import { users } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';

import { burnPasswordCheck, verifyPassword } from './password.server';
import { clearAttempts, countAttempt, throttles, uncountAttempt } from './throttle.server';

/**
 * Checks an e-mail and password. Every attempt is counted against the account and the IP
 * address before the password is looked at; one over either limit is refused unchecked.
 */
export async function logIn(
  { db, now }: DomainContext,
  input: { email: string; password: string; ip: string },
): Promise<{ userId: string }> {
  const accountAllowed = await countAttempt(db, throttles.loginAccount, input.email, now);
  const ipAllowed = await countAttempt(db, throttles.loginIp, input.ip, now);
  if (!accountAllowed || !ipAllowed) throw new AppError('throttled', 'login.throttled');
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, input.email));
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await burnPasswordCheck(input.password), false);
  if (!user || !valid) throw new AppError('unauthenticated', 'login.invalid');
  // A correct password ends the account's run of failures, and was no failure of the IP.
  await clearAttempts(db, throttles.loginAccount, input.email);
  await uncountAttempt(db, throttles.loginIp, input.ip);
  return { userId: user.id };
}
