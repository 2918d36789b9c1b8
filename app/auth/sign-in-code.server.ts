/**
 * Sign-in without a password: a mail carries a 6-digit code and a link, valid 15 minutes and
 * spent together. The code is typed on the sign-in page; the link opens a page whose button
 * signs in (a GET never spends it, since mail scanners open links). Either one proves that
 * the user reads mail at the address, so it also confirms the address.
 */
import { createHmac, randomBytes, randomInt } from 'node:crypto';

import { and, eq, gt, isNull, lt, type SQL, sql } from 'drizzle-orm';

import { queryRows } from '#db/client';
import { signInCodes, users } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { enqueueEmail, type LinkMailSetup } from '~/email/outbox.server';
import { signInCodeEmail } from '~/email/templates';
import { AppError } from '~/errors';
import { isLocale, type Locale } from '~/i18n';
import { digestsEqual, generateToken, sha256Hex } from '~/security/tokens.server';

import { markEmailVerified } from './email-verification.server';
import { clearAttempts, countAttempt, throttles, uncountAttempt } from './throttle.server';

export const SIGN_IN_CODE_LIFETIME_MS = 15 * 60 * 1000;
/** Wrong codes a code survives; the fifth wrong one ends it (and its link). */
export const MAX_FAILED_GUESSES = 5;

function generateCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

function hashCode(salt: string, code: string): string {
  return createHmac('sha256', salt).update(code).digest('hex');
}

/** The link in the mail; `redirectTo` (already checked to be our own path) rides along. */
export function signInLinkUrl(appOrigin: string, token: string, redirectTo: string): string {
  const query = redirectTo ? `?${new URLSearchParams({ redirectTo }).toString()}` : '';
  return `${appOrigin}/login/link/${token}${query}`;
}

/**
 * Mails a code and a link if the address has an account, and nothing otherwise; the caller
 * answers both alike. Requests are limited per address (known or not) and per IP address.
 * A new request voids the user's older codes, so only the latest mail works.
 */
export async function requestSignInCode(
  { db, now }: DomainContext,
  input: { email: string; locale: Locale; ip: string; redirectTo: string; mail: LinkMailSetup },
): Promise<void> {
  const addressAllowed = await countAttempt(db, throttles.signInCodeAddress, input.email, now);
  const ipAllowed = await countAttempt(db, throttles.signInCodeIp, input.ip, now);
  if (!addressAllowed || !ipAllowed) throw new AppError('throttled', 'signInCode.sendThrottled');
  const code = generateCode();
  const token = generateToken();
  const salt = randomBytes(16).toString('hex');
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + SIGN_IN_CODE_LIFETIME_MS).toISOString();
  await db.transaction(async (tx) => {
    // One statement finds the account and, only if there is one, voids its older codes and
    // stores the new one: a known and an unknown address cost the same round trip.
    const [user] = await queryRows<{ id: string; locale: string | null }>(
      tx,
      sql`with account as (
            select ${users.id} as id, ${users.locale} as locale
            from ${users} where ${users.email} = ${input.email}
          ), voided as (
            update ${signInCodes} set used_at = ${at}::timestamptz
            where user_id in (select id from account) and used_at is null
          ), stored as (
            insert into ${signInCodes}
              (user_id, email, code_salt, code_hash, link_token_hash, created_at, expires_at)
            select id, ${input.email}, ${salt}, ${hashCode(salt, code)}, ${sha256Hex(token)},
              ${at}::timestamptz, ${expiresAt}::timestamptz
            from account
          )
          select id, locale from account`,
    );
    if (!user) return;
    const locale = isLocale(user.locale) ? user.locale : input.locale;
    const link = signInLinkUrl(input.mail.appOrigin, token, input.redirectTo);
    const { secret, ...mail } = signInCodeEmail(locale, { link, code });
    // The sealed part runs from the link to the code, so the outbox holds neither.
    await enqueueEmail(tx, {
      to: input.email,
      ...mail,
      secretLink: { url: secret, keyring: input.mail.keyring },
    });
  });
}

/** A code or link that can still sign in: not spent or replaced, not expired, not guessed at. */
function usable(now: Date) {
  return and(
    isNull(signInCodes.usedAt),
    gt(signInCodes.expiresAt, now),
    lt(signInCodes.failedGuesses, MAX_FAILED_GUESSES),
  );
}

/**
 * Spends the code row (and so both its code and its link) and confirms the address it was
 * sent to. Spending in the statement that finds the row makes it single-use under races; a
 * row for an address the account no longer has signs nobody in.
 */
async function spend(
  { db, now }: DomainContext,
  condition: SQL | undefined,
  uncountGuess = false,
): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(signInCodes)
      .set({
        usedAt: now,
        ...(uncountGuess ? { failedGuesses: sql`${signInCodes.failedGuesses} - 1` } : {}),
      })
      .where(and(condition, isNull(signInCodes.usedAt), gt(signInCodes.expiresAt, now)))
      .returning({ userId: signInCodes.userId, email: signInCodes.email });
    if (!row) return null;
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, row.userId), eq(users.email, row.email)));
    if (!user) return null;
    await markEmailVerified(tx, user.id, now);
    return user.id;
  });
}

/**
 * Signs in with a code typed for an address. Every code entered counts against the log-in
 * throttles of the account and the IP address, exactly like a password. The guess is then
 * counted on the code itself before it is compared, so even concurrent guesses get no more
 * than five comparisons per code. Unknown address, wrong code, expired or spent code: one
 * answer for all.
 */
export async function signInWithCode(
  context: DomainContext,
  input: { email: string; code: string; ip: string },
): Promise<{ userId: string }> {
  const { db, now } = context;
  const accountAllowed = await countAttempt(db, throttles.loginAccount, input.email, now);
  const ipAllowed = await countAttempt(db, throttles.loginIp, input.ip, now);
  if (!accountAllowed || !ipAllowed) throw new AppError('throttled', 'signInCode.guessThrottled');
  const candidates = await db
    .update(signInCodes)
    .set({ failedGuesses: sql`${signInCodes.failedGuesses} + 1` })
    .where(and(eq(signInCodes.email, input.email), usable(now)))
    .returning({ id: signInCodes.id, salt: signInCodes.codeSalt, hash: signInCodes.codeHash });
  const match = candidates.find((row) => digestsEqual(hashCode(row.salt, input.code), row.hash));
  // The right code, counted above, was no wrong guess.
  const userId = match ? await spend(context, eq(signInCodes.id, match.id), true) : null;
  if (!userId) throw new AppError('unauthenticated', 'signInCode.invalid');
  // Like a correct password: the account's run of failures ends, and the IP is not charged.
  await clearAttempts(db, throttles.loginAccount, input.email);
  await uncountAttempt(db, throttles.loginIp, input.ip);
  return { userId };
}

/** The address a link would sign in, if it still can; looking does not spend it. */
export async function findSignInLink(
  { db, now }: DomainContext,
  token: string,
): Promise<{ email: string } | null> {
  const [row] = await db
    .select({ email: signInCodes.email })
    .from(signInCodes)
    .innerJoin(users, and(eq(users.id, signInCodes.userId), eq(users.email, signInCodes.email)))
    .where(and(eq(signInCodes.linkTokenHash, sha256Hex(token)), usable(now)));
  return row ?? null;
}

/** Signs in with the mailed link (on the button's POST only), spending its code too. */
export async function signInWithLink(
  context: DomainContext,
  token: string,
): Promise<{ userId: string }> {
  const userId = await spend(
    context,
    and(eq(signInCodes.linkTokenHash, sha256Hex(token)), usable(context.now)),
  );
  if (!userId) throw new AppError('not_found', 'signInLink.invalid');
  return { userId };
}
