import { and, count, eq, gt, isNull } from 'drizzle-orm';

import type { Db } from '#db/client';
import { passwordResets, users } from '#db/schema';
import { enqueueEmail } from '~/email/outbox.server';
import { passwordResetEmail } from '~/email/templates';
import { AppError } from '~/errors';
import { isLocale, type Locale } from '~/i18n';
import { generateToken, sha256Hex } from '~/security/tokens.server';

import { hashPassword } from './password.server';
import { invalidateUserSessions } from './session.server';

export const RESET_LINK_LIFETIME_MS = 60 * 60 * 1000;
/** At most this many reset mails per account per hour, so the form cannot flood an inbox. */
export const MAX_RESET_MAILS_PER_HOUR = 3;

/**
 * Sends a reset link if the address has an account. Answers the same either way, so the
 * form does not reveal who has an account.
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; locale: Locale; appOrigin: string },
  now = new Date(),
): Promise<void> {
  const [user] = await db
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(eq(users.email, input.email));
  if (!user) return;
  const [recent] = await db
    .select({ n: count() })
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.userId, user.id),
        gt(passwordResets.createdAt, new Date(now.getTime() - RESET_LINK_LIFETIME_MS)),
      ),
    );
  if ((recent?.n ?? 0) >= MAX_RESET_MAILS_PER_HOUR) return;
  const token = generateToken();
  const locale = isLocale(user.locale) ? user.locale : input.locale;
  const mail = passwordResetEmail(locale, { link: `${input.appOrigin}/reset-password/${token}` });
  await db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({
      tokenHash: sha256Hex(token),
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_LINK_LIFETIME_MS),
    });
    await enqueueEmail(tx, { to: input.email, ...mail });
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
  db: Db,
  token: string,
  now = new Date(),
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
  db: Db,
  input: { token: string; password: string },
  now = new Date(),
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
