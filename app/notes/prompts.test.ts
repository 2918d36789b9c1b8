import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { testContext } from '#db/testing/context';
import { addMember, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import { type AppError } from '~/errors';

import { defaultPrompts } from './default-prompts';
import { getPromptBank, savePromptBankTheme } from './prompts.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

describe('prompt bank', () => {
  it('starts from the built-in prompts and takes a practice-specific edit per theme', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const other = await createPracticeWithOwner(db());
    expect(await getPromptBank(testContext(db()), owner.practiceId)).toEqual(defaultPrompts);

    const own = [{ fi: 'Mikä sinua nyt askarruttaa?', en: 'What is on your mind now?' }];
    await savePromptBankTheme(testContext(db()), owner, 'power', own);
    const bank = await getPromptBank(testContext(db()), owner.practiceId);
    expect(bank.power).toEqual(own);
    expect(bank.role).toEqual(defaultPrompts.role);
    // Another practice keeps the defaults.
    expect((await getPromptBank(testContext(db()), other.owner.practiceId)).power).toEqual(
      defaultPrompts.power,
    );

    await savePromptBankTheme(testContext(db()), owner, 'power', []);
    expect((await getPromptBank(testContext(db()), owner.practiceId)).power).toEqual(
      defaultPrompts.power,
    );
  });

  it('is edited by the owner only', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const supervisor = await addMember(db(), owner.practiceId, 'supervisor');
    const error = await savePromptBankTheme(testContext(db()), supervisor, 'role', []).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as AppError).code).toBe('forbidden');
  });
});
