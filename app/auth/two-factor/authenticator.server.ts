/**
 * The user's authenticator: its sealed secret, and the one way a code is accepted (in the
 * time window, and newer than the last code accepted).
 */
import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';

import type { Db } from '#db/client';
import { userTotp } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { decryptText, encryptText, type NoteKeyring } from '~/security/sealing.server';

import { matchingStep } from './totp.server';

/** Binds a sealed secret to its user: copied onto another user's row it does not open. */
export const totpSecretContext = (userId: string) => `totp-secret:${userId}`;

export function sealTotpSecret(keyring: NoteKeyring, userId: string, secret: string): string {
  return encryptText(keyring, secret, totpSecretContext(userId));
}

export function openTotpSecret(keyring: NoteKeyring, userId: string, sealed: string): string {
  return decryptText(keyring, sealed, totpSecretContext(userId));
}

/** Whether the user has a confirmed authenticator, i.e. signs in with a second factor. */
export async function hasTwoFactor(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: userTotp.userId })
    .from(userTotp)
    .where(and(eq(userTotp.userId, userId), isNotNull(userTotp.enabledAt)));
  return row !== undefined;
}

/**
 * Accepts a code of the user's authenticator (`enabled`: the confirmed one, else the one
 * being set up) if it belongs to the current step or one either side and to a later step
 * than any code accepted before. Recording the step is part of the check: of two requests
 * with the same code, one wins.
 */
export async function acceptTotpCode(
  { db, keyring, now }: DomainContext,
  userId: string,
  code: string,
  which: 'enabled' | 'pending' = 'enabled',
): Promise<boolean> {
  const state = which === 'enabled' ? isNotNull(userTotp.enabledAt) : isNull(userTotp.enabledAt);
  const [row] = await db
    .select({ sealed: userTotp.secretEncrypted })
    .from(userTotp)
    .where(and(eq(userTotp.userId, userId), state));
  if (!row) return false;
  const step = matchingStep(openTotpSecret(keyring, userId, row.sealed), code, now);
  if (step === null) return false;
  const accepted = await db
    .update(userTotp)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(userTotp.userId, userId),
        state,
        or(isNull(userTotp.lastUsedStep), lt(userTotp.lastUsedStep, step)),
      ),
    )
    .returning({ userId: userTotp.userId });
  return accepted.length > 0;
}
