/**
 * The contract pages show a refusal of the domain on their form with the status of its
 * code: a code already taken or a status changed meanwhile is a 409, never a 200.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { loadContextFor, testContext } from '#db/testing/context';
import { createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import { unwrapActionResult } from '~/forms/respond.server';
import * as contractRoute from '~/routes/_app.contracts.$contractId._index';
import * as editRoute from '~/routes/_app.contracts.$contractId.edit';

import { contractValues } from './form-values';
import { getContract } from './get-contract.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

const post = (path: string, fields: Record<string, string>) => {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  return new Request(`http://localhost${path}`, { method: 'POST', body });
};

describe('contract pages answer a refusal with its status', () => {
  it('an edit to a code another contract uses is a 409 with the message at the code field', async () => {
    const { owner } = await createPracticeWithOwner(db());
    await createContractFixture(db(), owner, { code: 'TO-2026-070' });
    const { contractId } = await createContractFixture(db(), owner, { code: 'TO-2026-071' });
    const fields = {
      ...contractValues(await getContract(testContext(db()), owner, contractId)),
      code: 'TO-2026-070',
    };
    const context = await loadContextFor(db(), owner.userId);
    const answer = unwrapActionResult(
      await editRoute.action({
        request: post(`/contracts/${contractId}/edit`, fields),
        params: { contractId },
        context,
      }),
    );
    expect(answer.status).toBe(409);
    if (!('fieldErrors' in answer.data)) throw new Error('expected the form back');
    expect(answer.data.fieldErrors.code).toEqual(['contracts.codeTaken']);
    expect(answer.data.values.code).toBe('TO-2026-070');
    expect((await getContract(testContext(db()), owner, contractId)).code).toBe('TO-2026-071');
  });

  it('activating a contract that is already active is a 409 told on the page', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const { contractId } = await createContractFixture(db(), owner, { status: 'active' });
    const context = await loadContextFor(db(), owner.userId);
    const answer = unwrapActionResult(
      await contractRoute.action({
        request: post(`/contracts/${contractId}`, { intent: 'activate' }),
        params: { contractId },
        context,
      }),
    );
    expect(answer.status).toBe(409);
    if (!('fieldErrors' in answer.data)) throw new Error('expected the form back');
    expect(answer.data.formError).toBe('contracts.wrongStatus');
  });
});
