/**
 * Two-factor sign-in as the use cases see it: which codes are accepted when, recovery codes,
 * what is kept at rest, and the audit rows and mails each change leaves.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { authSessions, outbox, securityEvents, userTotp } from '#db/schema';
import { testContext } from '#db/testing/context';
import { expectAppError } from '#db/testing/errors';
import { createPracticeWithOwner, TEST_PASSWORD } from '#db/testing/factories';
import { testKeyring } from '#db/testing/keyring';
import { createTestDatabase } from '#db/testing/test-database';
import { setTwoFactorRequirement } from '~/practices/two-factor-requirement.server';

import { createSession } from '../session.server';
import { acceptTotpCode, hasTwoFactor, openTotpSecret } from './authenticator.server';
import { confirmTotpEnrolment } from './confirm-enrolment.server';
import { regenerateRecoveryCodes } from './regenerate-recovery-codes.server';
import { removeTwoFactor } from './remove-two-factor.server';
import { acceptSecondFactor } from './second-factor.server';
import { startTotpEnrolment } from './start-enrolment.server';
import { TOTP_PERIOD_MS, totpCodeAt } from './totp.server';
import { twoFactorStatus } from './two-factor-status.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

const MINUTE = 60_000;
// Ten seconds into a 30-second step, so "one step earlier" is never the current step.
const T0 = new Date(Date.UTC(2026, 10, 30, 9, 0, 10));
const at = (minutes: number, extraMs = 0) => new Date(T0.getTime() + minutes * MINUTE + extraMs);
const ctxAt = (now: Date) => testContext(db(), now);

async function storedSecret(userId: string): Promise<string> {
  const [row] = await db().select().from(userTotp).where(eq(userTotp.userId, userId));
  if (!row) throw new Error('no authenticator');
  return openTotpSecret(testKeyring, userId, row.secretEncrypted);
}

/** An owner who turned two-factor sign-in on at T0; their app's secret and recovery codes. */
async function enrolledUser() {
  const { owner, email } = await createPracticeWithOwner(db());
  await startTotpEnrolment(ctxAt(T0), owner.userId);
  const secret = await storedSecret(owner.userId);
  const { recoveryCodes } = await confirmTotpEnrolment(ctxAt(T0), owner.userId, {
    code: totpCodeAt(secret, T0),
    locale: 'fi',
  });
  return { owner, email, secret, recoveryCodes };
}

async function eventsOf(userId: string) {
  const rows = await db()
    .select({ kind: securityEvents.kind })
    .from(securityEvents)
    .where(eq(securityEvents.userId, userId))
    .orderBy(securityEvents.createdAt);
  return rows.map((row) => row.kind);
}

async function mailsTo(email: string) {
  return db()
    .select({ subject: outbox.subject, text: outbox.textBody })
    .from(outbox)
    .where(eq(outbox.toAddress, email));
}

describe('enrolment', () => {
  it('keeps the secret pending until a code from the app confirms it', async () => {
    const { owner, email } = await createPracticeWithOwner(db());
    await startTotpEnrolment(ctxAt(T0), owner.userId);
    expect(await hasTwoFactor(db(), owner.userId)).toBe(false);
    const status = await twoFactorStatus(ctxAt(T0), { id: owner.userId, email });
    if (status.state !== 'pending') throw new Error(`state ${status.state}`);
    expect(status.uri).toMatch(/^otpauth:\/\/totp\/Ohjaamo:/);
    expect(new URL(status.uri).searchParams.get('issuer')).toBe('Ohjaamo');
    expect(decodeURIComponent(status.uri)).toContain(email);
    const secret = await storedSecret(owner.userId);
    expect(status.secret.replaceAll(' ', '')).toBe(secret);

    await expectAppError(
      confirmTotpEnrolment(ctxAt(T0), owner.userId, { code: '000000', locale: 'fi' }),
      'twoFactor.wrongCode',
    );
    const { recoveryCodes } = await confirmTotpEnrolment(ctxAt(T0), owner.userId, {
      code: totpCodeAt(secret, T0),
      locale: 'fi',
    });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await hasTwoFactor(db(), owner.userId)).toBe(true);
    const after = await twoFactorStatus(ctxAt(T0), { id: owner.userId, email });
    expect(after).toMatchObject({ state: 'on', recoveryCodesLeft: 10 });
    expect(after).not.toHaveProperty('secret');
  });

  it('stores the secret sealed to its user: not readable in the row, not movable to another', async () => {
    const { owner, secret } = await enrolledUser();
    const other = await enrolledUser();
    const [row] = await db().select().from(userTotp).where(eq(userTotp.userId, owner.userId));
    expect(row?.secretEncrypted).not.toContain(secret);
    expect(() =>
      openTotpSecret(testKeyring, other.owner.userId, row?.secretEncrypted ?? ''),
    ).toThrow();
  });

  it('refuses to start again over an enabled authenticator', async () => {
    const { owner } = await enrolledUser();
    await expectAppError(startTotpEnrolment(ctxAt(T0), owner.userId), 'twoFactor.alreadyOn');
  });
});

describe('codes from the app', () => {
  it('accepts the current step and one step either way, and refuses two steps off', async () => {
    const { owner, secret } = await enrolledUser();
    const accept = (now: Date, codeTime: Date) =>
      acceptTotpCode(ctxAt(now), owner.userId, totpCodeAt(secret, codeTime));
    // Each check ten minutes after the last, so no code is a replay of an earlier one.
    expect(await accept(at(10), at(10))).toBe(true);
    expect(await accept(at(20), at(20, -TOTP_PERIOD_MS))).toBe(true);
    expect(await accept(at(30), at(30, TOTP_PERIOD_MS))).toBe(true);
    expect(await accept(at(40), at(40, -2 * TOTP_PERIOD_MS))).toBe(false);
    expect(await accept(at(50), at(50, 2 * TOTP_PERIOD_MS))).toBe(false);
  });

  it('refuses a code once used, and an older step after a newer one', async () => {
    const { owner, secret } = await enrolledUser();
    const code = totpCodeAt(secret, at(10));
    expect(await acceptTotpCode(ctxAt(at(10)), owner.userId, code)).toBe(true);
    expect(await acceptTotpCode(ctxAt(at(10, 5_000)), owner.userId, code)).toBe(false);

    const ahead = totpCodeAt(secret, at(20, TOTP_PERIOD_MS));
    expect(await acceptTotpCode(ctxAt(at(20)), owner.userId, ahead)).toBe(true);
    const current = totpCodeAt(secret, at(20));
    expect(await acceptTotpCode(ctxAt(at(20)), owner.userId, current)).toBe(false);
  });

  it('refuses the code that confirmed the enrolment', async () => {
    const { owner, secret } = await enrolledUser();
    expect(await acceptTotpCode(ctxAt(T0), owner.userId, totpCodeAt(secret, T0))).toBe(false);
  });
});

describe('recovery codes', () => {
  it('each works once, typed in any case and with or without dashes', async () => {
    const { owner, recoveryCodes } = await enrolledUser();
    const [first = '', second = ''] = recoveryCodes;
    expect(await acceptSecondFactor(ctxAt(at(5)), owner.userId, first, 'fi')).toBe('recovery');
    expect(await acceptSecondFactor(ctxAt(at(6)), owner.userId, first, 'fi')).toBeNull();
    const typed = second.toUpperCase().replaceAll('-', ' ');
    expect(await acceptSecondFactor(ctxAt(at(7)), owner.userId, typed, 'fi')).toBe('recovery');
    const status = await twoFactorStatus(ctxAt(at(8)), { id: owner.userId, email: 'x@y.fi' });
    expect(status).toMatchObject({ state: 'on', recoveryCodesLeft: 8 });
  });

  it('are not another user’s', async () => {
    const { recoveryCodes } = await enrolledUser();
    const other = await enrolledUser();
    const code = recoveryCodes[0] ?? '';
    expect(await acceptSecondFactor(ctxAt(at(5)), other.owner.userId, code, 'fi')).toBeNull();
  });

  it('regenerating needs a current code or the password, and the old codes stop working', async () => {
    const { owner, secret, recoveryCodes } = await enrolledUser();
    const regenerate = (input: { code?: string; password?: string }) =>
      regenerateRecoveryCodes(ctxAt(at(10)), owner.userId, {
        code: input.code ?? '',
        password: input.password ?? '',
        locale: 'fi',
      });
    await expectAppError(
      regenerate({ password: 'väärä-salasana' }),
      'twoFactor.wrongCodeOrPassword',
    );
    const byPassword = await regenerate({ password: TEST_PASSWORD });
    expect(byPassword.recoveryCodes).toHaveLength(10);
    const byCode = await regenerate({ code: totpCodeAt(secret, at(10)) });
    const old = [...recoveryCodes, ...byPassword.recoveryCodes];
    for (const code of old) {
      expect(await acceptSecondFactor(ctxAt(at(11)), owner.userId, code, 'fi')).toBeNull();
    }
    const fresh = byCode.recoveryCodes[0] ?? '';
    expect(await acceptSecondFactor(ctxAt(at(11)), owner.userId, fresh, 'fi')).toBe('recovery');
  });
});

describe('removal', () => {
  it('needs the password and a code', async () => {
    const { owner, secret } = await enrolledUser();
    const code = totpCodeAt(secret, at(10));
    await expectAppError(
      removeTwoFactor(ctxAt(at(10)), owner.userId, { password: 'väärä', code, locale: 'fi' }),
      'settings.wrongPassword',
    );
    await expectAppError(
      removeTwoFactor(ctxAt(at(10)), owner.userId, {
        password: TEST_PASSWORD,
        code: '123456',
        locale: 'fi',
      }),
      'twoFactor.wrongCode',
    );
    expect(await hasTwoFactor(db(), owner.userId)).toBe(true);
    await removeTwoFactor(ctxAt(at(10)), owner.userId, {
      password: TEST_PASSWORD,
      code,
      locale: 'fi',
    });
    expect(await hasTwoFactor(db(), owner.userId)).toBe(false);
  });

  it('leads the user’s sessions back to the set-up when their practice requires it', async () => {
    const { owner, secret } = await enrolledUser();
    await setTwoFactorRequirement(ctxAt(T0), owner, { staff: true, supervisees: false });
    const { session } = await createSession(db(), owner.userId);
    const result = await removeTwoFactor(ctxAt(at(10)), owner.userId, {
      password: TEST_PASSWORD,
      code: totpCodeAt(secret, at(10)),
      locale: 'fi',
    });
    expect(result.setupRequired).toBe(true);
    const [row] = await db()
      .select({ required: authSessions.twoFactorSetupRequired })
      .from(authSessions)
      .where(and(eq(authSessions.id, session.id)));
    expect(row?.required).toBe(true);
  });
});

describe('audit and mail', () => {
  it('records each change and mails the user about enrolment, removal and recovery-code use, with no secret or code', async () => {
    const { owner, email, secret, recoveryCodes } = await enrolledUser();
    const used = recoveryCodes[0] ?? '';
    await acceptSecondFactor(ctxAt(at(5)), owner.userId, used, 'fi');
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes(ctxAt(at(6)), owner.userId, {
      code: '',
      password: TEST_PASSWORD,
      locale: 'fi',
    });
    await removeTwoFactor(ctxAt(at(10)), owner.userId, {
      password: TEST_PASSWORD,
      code: totpCodeAt(secret, at(10)),
      locale: 'fi',
    });

    expect(await eventsOf(owner.userId)).toEqual([
      'two_factor_enrolled',
      'recovery_code_used',
      'recovery_codes_regenerated',
      'two_factor_removed',
    ]);
    const mails = await mailsTo(email);
    const subjects = mails.map((m) => m.subject);
    expect(subjects).toContain('Kaksivaiheinen tunnistautuminen otettiin käyttöön');
    expect(subjects).toContain('Tilillesi kirjauduttiin varakoodilla');
    expect(subjects).toContain('Kaksivaiheinen tunnistautuminen poistettiin');
    // Sign-up's confirmation mail plus the three notices; regenerating mails nothing.
    expect(mails.filter((m) => m.subject !== 'Vahvista sähköpostiosoitteesi')).toHaveLength(3);
    const everything = JSON.stringify(mails);
    expect(everything).not.toContain(secret);
    for (const code of [...recoveryCodes, ...fresh]) expect(everything).not.toContain(code);
    expect(mails.find((m) => m.subject.includes('varakoodilla'))?.text).toContain('30.11.2026');
  });
});
