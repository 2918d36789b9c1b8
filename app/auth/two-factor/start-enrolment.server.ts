import { isNull } from 'drizzle-orm';

import { userTotp } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';

import { hasTwoFactor, sealTotpSecret } from './authenticator.server';
import { newTotpSecret } from './totp.server';

/**
 * Makes a new secret for the user to add to their authenticator app. It stays pending (not
 * asked for at sign-in) until a code from the app confirms it; starting again replaces it.
 */
export async function startTotpEnrolment(
  { db, keyring }: DomainContext,
  userId: string,
): Promise<void> {
  if (await hasTwoFactor(db, userId)) throw new AppError('conflict', 'twoFactor.alreadyOn');
  const secretEncrypted = sealTotpSecret(keyring, userId, newTotpSecret());
  await db
    .insert(userTotp)
    .values({ userId, secretEncrypted })
    .onConflictDoUpdate({
      target: userTotp.userId,
      set: { secretEncrypted, lastUsedStep: null },
      // An authenticator confirmed in the meantime is never replaced by a new secret.
      setWhere: isNull(userTotp.enabledAt),
    });
}
