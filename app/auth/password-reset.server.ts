import { and, eq, gt, isNull, sql } from 'drizzle-orm';

import { type Db, queryRows } from '#db/client';
import { passwordResets, users } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { enqueueEmail, type LinkMailSetup } from '~/email/outbox.server';
import { passwordResetEmail, passwordResetNoAccountEmail } from '~/email/templates';
import { AppError } from '~/errors';
import { isLocale, type Locale } from '~/i18n';
import { generateToken, sha256Hex } from '~/security/tokens.server';

import { hashPassword } from './password.server';
import { invalidateUserSessions } from './session.server';
import { countAttempt, throttles } from './throttle.server';

export const RESET_LINK_LIFETIME_MS = 60 * 60 * 1000;

/**
 * Mails a reset link if the address has an account, and a note saying there is no account
 * otherwise. Both paths write one outbox row in one transaction, so neither the answer nor
 * its timing reveals who has an account. Requests are limited per address (known or not)
 * and per IP address, so the form cannot flood an inbox.
 */
export async function requestPasswordReset(
  { db, now }: DomainContext,
  input: { email: string; locale: Locale; ip: string; mail: LinkMailSetup },
): Promise<void> {
  const addressAllowed = await countAttempt(db, throttles.resetAddress, input.email, now);
  const ipAllowed = await countAttempt(db, throttles.resetIp, input.ip, now);
  if (!addressAllowed || !ipAllowed) throw new AppError('throttled', 'forgot.throttled');
  const token = generateToken();
  const origin = input.mail.appOrigin;
  await db.transaction(async (tx) => {
    // One statement finds the account and, only if there is one, stores the link's hash:
    // a known and an unknown address cost the database the same round trips.
    const [user] = await queryRows<{ id: string; locale: string }>(
      tx,
      sql`with account as (
            select ${users.id} as id, ${users.locale} as locale
            from ${users} where ${users.email} = ${input.email}
          ), stored as (
            insert into ${passwordResets} (token_hash, user_id, created_at, expires_at)
            select ${sha256Hex(token)}, id, ${now.toISOString()}::timestamptz,
              ${new Date(now.getTime() + RESET_LINK_LIFETIME_MS).toISOString()}::timestamptz
            from account
          )
          select id, locale from account`,
    );
    const locale = user && isLocale(user.locale) ? user.locale : input.locale;
    if (!user) {
      await enqueueEmail(tx, {
        to: input.email,
        ...passwordResetNoAccountEmail(locale, { signUpLink: `${origin}/signup` }),
      });
      return;
    }
    const url = `${origin}/reset-password/${token}`;
    await enqueueEmail(tx, {
      to: input.email,
      ...passwordResetEmail(locale, { link: url }),
      secretLink: { url, keyring: input.mail.keyring },
    });
  });
}

function usableReset(token: string, now: Date) {
  return and(
    eq(passwordResets.tokenHash, sha256Hex(token)),
    isNull(passwordResets.usedAt),
    gt(passwordResets.expiresAt, now),
  );
}

export async function isResetTokenUsable(
  { db, now }: DomainContext,
  token: string,
): Promise<boolean> {
  const [row] = await db
    .select({ userId: passwordResets.userId })
    .from(passwordResets)
    .where(usableReset(token, now));
  return Boolean(row);
}

/**
 * Sets a new password with a reset link. The link is spent, every other link of the user
 * is spent too, and every session of the user ends.
 */
export async function resetPassword(
  { db, now }: DomainContext,
  input: { token: string; password: string },
): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // Marking the row used in the same statement that finds it makes the link single-use
    // even when two requests race.
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(usableReset(input.token, now))
      .returning({ userId: passwordResets.userId });
    if (!reset) throw new AppError('not_found', 'reset.invalidLink');
    await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
    await spendResetLinks(tx, reset.userId, now);
    await invalidateUserSessions(tx, reset.userId);
    return { userId: reset.userId };
  });
}

/** Makes every outstanding reset link of the user useless (after any password change). */
export async function spendResetLinks(db: Db, userId: string, now = new Date()): Promise<void> {
  await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}
