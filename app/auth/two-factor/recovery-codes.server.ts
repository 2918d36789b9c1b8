/**
 * Ten single-use recovery codes per user, for when the authenticator is lost. Each has 60
 * random bits, so a plain SHA-256 is enough to store it (a slow hash guards low-entropy
 * passwords, not random codes).
 */
import { randomInt } from 'node:crypto';

import { and, eq, isNull } from 'drizzle-orm';

import type { Db } from '#db/client';
import { recoveryCodes } from '#db/schema';
import { sha256Hex } from '~/security/tokens.server';

export const RECOVERY_CODE_COUNT = 10;
const GROUPS = 3;
const GROUP_LENGTH = 4;
// 32 letters and digits without the look-alikes 0/o and 1/l: 5 bits per character.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

function newCode(): string {
  const groups = Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

/** How a typed code is compared: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]+/g, '');
}

/** Whether a typed value has the shape of a recovery code (not whether it is one). */
export function looksLikeRecoveryCode(input: string): boolean {
  const code = normaliseRecoveryCode(input);
  return code.length === GROUPS * GROUP_LENGTH && [...code].every((c) => ALPHABET.includes(c));
}

/**
 * Replaces all of the user's recovery codes with ten new ones and returns them: the only
 * time they exist in plain text. Run it in the transaction of the step that shows them.
 */
export async function replaceRecoveryCodes(db: Db, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(
    codes.map((code) => ({
      userId,
      codeHash: sha256Hex(normaliseRecoveryCode(code)),
      createdAt: now,
    })),
  );
  return codes;
}

/**
 * Spends one of the user's unused codes if `input` is one. The update itself is the check,
 * so two requests with the same code cannot both succeed.
 */
export async function spendRecoveryCode(
  db: Db,
  userId: string,
  input: string,
  now: Date,
): Promise<boolean> {
  if (!looksLikeRecoveryCode(input)) return false;
  const spent = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, sha256Hex(normaliseRecoveryCode(input))),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return spent.length > 0;
}

export async function unusedRecoveryCodeCount(db: Db, userId: string): Promise<number> {
  const rows = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}
