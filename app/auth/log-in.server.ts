import { eq } from 'drizzle-orm';

import type { Db } from '#db/client';
import { users } from '#db/schema';
import { AppError } from '~/errors';

import { burnPasswordCheck, verifyPassword } from './password.server';
import { isLoginThrottled, recordLoginAttempt } from './throttle.server';

/**
 * Checks an e-mail and password. Refuses before checking anything when the account or the
 * address has failed too often lately, and records every attempt.
 */
export async function logIn(
  db: Db,
  input: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<{ userId: string }> {
  if (await isLoginThrottled(db, input.email, input.ip, now)) {
    throw new AppError('throttled', 'login.throttled');
  }
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, input.email));
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await burnPasswordCheck(input.password), false);
  await recordLoginAttempt(db, { email: input.email, ip: input.ip, succeeded: valid }, now);
  if (!user || !valid) throw new AppError('unauthenticated', 'login.invalid');
  return { userId: user.id };
}
