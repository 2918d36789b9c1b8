import { eq } from 'drizzle-orm';

import { userTotp } from '#db/schema';
import type { DomainContext } from '~/domain/context';

import { openTotpSecret } from './authenticator.server';
import { type QrCodeDrawing, qrCodeDrawing } from './qr-code.server';
import { unusedRecoveryCodeCount } from './recovery-codes.server';
import { twoFactorRequired } from './requirement.server';
import { groupedSecret, totpUri } from './totp.server';

export type TwoFactorStatus =
  | { state: 'off'; required: boolean }
  | {
      state: 'pending';
      required: boolean;
      /** The secret to type into an app, in groups of four. */
      secret: string;
      uri: string;
      qr: QrCodeDrawing;
    }
  | { state: 'on'; required: boolean; enabledAt: Date; recoveryCodesLeft: number };

/**
 * What the enrolment page shows the user about their own second factor. The secret is
 * shown only while the enrolment is pending: once confirmed it never leaves the server.
 */
export async function twoFactorStatus(
  ctx: DomainContext,
  user: { id: string; email: string },
): Promise<TwoFactorStatus> {
  const { db, keyring } = ctx;
  const required = await twoFactorRequired(db, user.id);
  const [row] = await db
    .select({ sealed: userTotp.secretEncrypted, enabledAt: userTotp.enabledAt })
    .from(userTotp)
    .where(eq(userTotp.userId, user.id));
  if (!row) return { state: 'off', required };
  if (row.enabledAt) {
    const recoveryCodesLeft = await unusedRecoveryCodeCount(db, user.id);
    return { state: 'on', required, enabledAt: row.enabledAt, recoveryCodesLeft };
  }
  const secret = openTotpSecret(keyring, user.id, row.sealed);
  const uri = totpUri(secret, user.email);
  return { state: 'pending', required, secret: groupedSecret(secret), uri, qr: qrCodeDrawing(uri) };
}
