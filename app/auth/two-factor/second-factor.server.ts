import type { DomainContext } from '~/domain/context';
import type { Locale } from '~/i18n';

import { acceptTotpCode } from './authenticator.server';
import { spendRecoveryCode } from './recovery-codes.server';
import { recordSecurityEvent } from './security-events.server';

/**
 * Accepts a code from the user's authenticator app or, failing that, one of their unused
 * recovery codes (spent, audited and mailed about). Says which one it was, or null.
 */
export async function acceptSecondFactor(
  ctx: DomainContext,
  userId: string,
  code: string,
  locale: Locale,
): Promise<'totp' | 'recovery' | null> {
  if (await acceptTotpCode(ctx, userId, code)) return 'totp';
  const spent = await ctx.db.transaction(async (tx) => {
    if (!(await spendRecoveryCode(tx, userId, code, ctx.now))) return false;
    await recordSecurityEvent(tx, { userId, kind: 'recovery_code_used', now: ctx.now, locale });
    return true;
  });
  return spent ? 'recovery' : null;
}
