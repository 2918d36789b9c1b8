/**
 * A new account proves its e-mail address with a single-use link before its practice may
 * mail anyone else: otherwise anyone could sign up with a stranger's address and use
 * Ohjaamo to send them mail. Only the SHA-256 of the link's token is stored.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';

import type { Db } from '#db/client';
import { emailVerifications, users } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { enqueueEmail, type LinkMailSetup } from '~/email/outbox.server';
import { emailVerificationEmail } from '~/email/templates';
import { AppError } from '~/errors';
import type { Locale } from '~/i18n';
import { generateToken, sha256Hex } from '~/security/tokens.server';

import { countAttempt, throttles } from './throttle.server';

export const VERIFICATION_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Stores a new verification link and queues its mail; call it in the action's transaction. */
export async function queueVerificationMail(
  tx: Db,
  user: { id: string; email: string; locale: Locale },
  mail: LinkMailSetup,
  now = new Date(),
): Promise<void> {
  const token = generateToken();
  await tx.insert(emailVerifications).values({
    tokenHash: sha256Hex(token),
    userId: user.id,
    email: user.email,
    createdAt: now,
    expiresAt: new Date(now.getTime() + VERIFICATION_LINK_LIFETIME_MS),
  });
  const url = `${mail.appOrigin}/verify-email/${token}`;
  await enqueueEmail(tx, {
    to: user.email,
    ...emailVerificationEmail(user.locale, { link: url }),
    secretLink: { url, keyring: mail.keyring },
  });
}

/** Sends a fresh link to a user who has not confirmed yet; a few an hour at most. */
export async function resendVerificationMail(
  { db, now }: DomainContext,
  userId: string,
  input: LinkMailSetup & { locale: Locale },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ email: users.email, verifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.id, userId));
    if (!user) throw new AppError('not_found');
    if (user.verifiedAt) return;
    if (!(await countAttempt(tx, throttles.verificationResend, userId, now))) {
      throw new AppError('throttled', 'verify.resendThrottled');
    }
    await queueVerificationMail(
      tx,
      { id: userId, email: user.email, locale: input.locale },
      input,
      now,
    );
  });
}

/**
 * Confirms the address the link was sent to. The link is spent in the statement that finds
 * it, so it works once even when two requests race; a link for an address the user no
 * longer has confirms nothing.
 */
export async function verifyEmail(
  { db, now }: DomainContext,
  token: string,
): Promise<{ userId: string }> {
  return db.transaction(async (tx) => {
    const [link] = await tx
      .update(emailVerifications)
      .set({ usedAt: now })
      .where(
        and(
          eq(emailVerifications.tokenHash, sha256Hex(token)),
          isNull(emailVerifications.usedAt),
          gt(emailVerifications.expiresAt, now),
        ),
      )
      .returning({ userId: emailVerifications.userId, email: emailVerifications.email });
    if (!link) throw new AppError('not_found', 'verify.invalidLink');
    const verified = await tx
      .update(users)
      .set({ emailVerifiedAt: now })
      .where(and(eq(users.id, link.userId), eq(users.email, link.email)))
      .returning({ id: users.id });
    if (verified.length === 0) throw new AppError('not_found', 'verify.invalidLink');
    return { userId: link.userId };
  });
}

/** Marks an address proven some other way, e.g. by accepting an invitation sent to it. */
export async function markEmailVerified(db: Db, userId: string, now = new Date()): Promise<void> {
  await db
    .update(users)
    .set({ emailVerifiedAt: now })
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)));
}

export async function isEmailVerified(db: Db, userId: string): Promise<boolean> {
  const [user] = await db
    .select({ verifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, userId));
  return Boolean(user?.verifiedAt);
}

/** Refuses to let an unconfirmed user make Ohjaamo mail other people. */
export async function assertMayMailOthers(db: Db, userId: string): Promise<void> {
  if (!(await isEmailVerified(db, userId))) throw new AppError('forbidden', 'members.verifyFirst');
}
