import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { testContext } from '#db/testing/context';
import { expectAppError } from '#db/testing/errors';
import { createPracticeWithOwner, TEST_PASSWORD, uniqueEmail } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import { AppError } from '~/errors';

import { changePassword } from './change-password.server';
import { logIn } from './log-in.server';
import { createSession } from './session.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const db = () => database.db;
const minutes = (n: number) => n * 60 * 1000;

describe('log-in limits', () => {
  it('the 11th attempt for one account within 15 minutes is refused, even with the right password', async () => {
    const { email } = await createPracticeWithOwner(db());
    const now = new Date('2026-11-22T10:00:00Z');
    for (let i = 0; i < 10; i++) {
      // Each failure from a different address: the account limit alone must stop this.
      await expectAppError(
        logIn(testContext(db(), now), { email, password: 'wrong-password', ip: `10.1.0.${i}` }),
        'login.invalid',
      );
    }
    await expectAppError(
      logIn(testContext(db(), now), { email, password: TEST_PASSWORD, ip: '10.1.1.1' }),
      'login.throttled',
    );
    const later = new Date(now.getTime() + minutes(16));
    await expect(
      logIn(testContext(db(), later), { email, password: TEST_PASSWORD, ip: '10.1.1.1' }),
    ).resolves.toBeTruthy();
  });

  it('the 11th attempt from one IP address within 15 minutes is refused, across accounts', async () => {
    const { email } = await createPracticeWithOwner(db());
    const now = new Date('2026-11-22T11:00:00Z');
    const ip = '192.0.2.77';
    for (let i = 0; i < 10; i++) {
      await expectAppError(
        logIn(testContext(db(), now), { email: uniqueEmail(), password: 'wrong-password', ip }),
        'login.invalid',
      );
    }
    await expectAppError(
      logIn(testContext(db(), now), { email, password: TEST_PASSWORD, ip }),
      'login.throttled',
    );
    await expect(
      logIn(testContext(db(), now), { email, password: TEST_PASSWORD, ip: '192.0.2.78' }),
    ).resolves.toBeTruthy();
  });

  it('a correct password clears the account failures and does not count against its IP', async () => {
    const { email } = await createPracticeWithOwner(db());
    const now = new Date('2026-11-22T12:00:00Z');
    const ip = '192.0.2.90';
    for (let i = 0; i < 9; i++) {
      await expectAppError(
        logIn(testContext(db(), now), { email, password: 'wrong-password', ip }),
        'login.invalid',
      );
    }
    await logIn(testContext(db(), now), { email, password: TEST_PASSWORD, ip });
    // Nine failures and a success from this IP: the tenth failure is still checked.
    await expectAppError(
      logIn(testContext(db(), now), { email, password: 'wrong-password', ip }),
      'login.invalid',
    );
    await expectAppError(
      logIn(testContext(db(), now), { email, password: 'wrong-password', ip }),
      'login.throttled',
    );
  });

  it('30 concurrent wrong passwords for one account get exactly 10 password checks', async () => {
    const { email } = await createPracticeWithOwner(db());
    const now = new Date('2026-11-22T13:00:00Z');
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        logIn(testContext(db(), now), {
          email,
          password: 'wrong-password',
          ip: `10.30.0.${i}`,
        }).then(
          () => 'logged-in',
          (error: unknown) => (error instanceof AppError ? error.messageKey : 'crashed'),
        ),
      ),
    );
    // 'login.invalid' is answered only after the password was checked.
    expect(outcomes.filter((o) => o === 'login.invalid')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'login.throttled')).toHaveLength(20);
  });
});

describe('current-password check on the settings page', () => {
  it('the 11th check within 15 minutes is refused, even with the right password', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const current = await createSession(db(), owner.userId);
    const actor = { userId: owner.userId, sessionId: current.session.id };
    for (let i = 0; i < 10; i++) {
      await expectAppError(
        changePassword(testContext(db()), actor, {
          currentPassword: 'väärä-salasana',
          password: 'uusi-salasana-talvi',
        }),
        'settings.wrongPassword',
      );
    }
    await expectAppError(
      changePassword(testContext(db()), actor, {
        currentPassword: TEST_PASSWORD,
        password: 'uusi-salasana-talvi',
      }),
      'settings.passwordThrottled',
    );
  });
});
