import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { authSessions, clients, outbox, portalAccess } from '#db/schema';
import { createAccessCast, outcomeOf } from '#db/testing/access-cast';
import { testContext } from '#db/testing/context';
import { expectAppError } from '#db/testing/errors';
import { TEST_ORIGIN, TEST_PASSWORD, uniqueEmail } from '#db/testing/factories';
import { testKeyring } from '#db/testing/keyring';
import { createTestDatabase } from '#db/testing/test-database';
import { createSession } from '~/auth/session.server';
import { getClientPage } from '~/clients/client-page.server';
import { unsealBody } from '~/email/sealed-link.server';
import type { MemberActor } from '~/practices/actor';

import { listPortalPractices, mayManagePortalAccess } from './access.server';
import {
  acceptPortalInvitation,
  findPortalInvitation,
  inviteToPortal,
  revokePortalAccess,
} from './portal-access.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const db = () => database.db;
const mail = { appOrigin: TEST_ORIGIN, keyring: testKeyring };
const DAY = 24 * 60 * 60 * 1000;

async function castWithAddress() {
  const cast = await createAccessCast(db());
  const email = uniqueEmail('maria');
  await db().update(clients).set({ email }).where(eq(clients.id, cast.clientId));
  return { ...cast, email };
}

const invite = (actor: MemberActor, clientId: string, now?: Date) =>
  inviteToPortal(testContext(db(), now), actor, { clientId, locale: 'fi', mail });

async function portalToken(email: string): Promise<string> {
  const rows = await db()
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), isNotNull(outbox.practiceId)));
  const tokens = rows
    .map((row) => unsealBody(testKeyring, row)?.match(/\/portal\/invite\/([\w-]+)/)?.[1])
    .filter((t): t is string => Boolean(t));
  const token = tokens.at(-1);
  if (!token) throw new Error('no portal invitation in the mail');
  return token;
}

const newAccount = {
  kind: 'new-account',
  name: 'Maria Lehtonen',
  password: TEST_PASSWORD,
  locale: 'fi',
} as const;

describe('who may invite a client to the portal', () => {
  it('the owner and the supervisor of the client’s contract; not a colleague, an outsider or a supervisee', async () => {
    const cast = await castWithAddress();
    const facts = { contractSupervisorIds: [cast.author.userId] };
    expect(mayManagePortalAccess(cast.owner, facts)).toBe(true);
    expect(mayManagePortalAccess(cast.author, facts)).toBe(true);
    expect(mayManagePortalAccess(cast.colleague, facts)).toBe(false);
    expect(
      mayManagePortalAccess(
        {
          kind: 'supervisee',
          userId: cast.author.userId,
          practiceId: cast.owner.practiceId,
          clientIds: [cast.clientId],
        },
        facts,
      ),
    ).toBe(false);
    expect(await outcomeOf(invite(cast.colleague, cast.clientId))).toBe('forbidden');
    expect(await outcomeOf(invite(cast.outsider, cast.clientId))).toBe('not_found');
    expect(await outcomeOf(invite(cast.author, cast.clientId))).toBe('allowed');
  });

  it('a client without an address cannot be invited', async () => {
    const cast = await createAccessCast(db());
    await expectAppError(invite(cast.author, cast.clientId), 'portal.invite.noEmail');
  });
});

describe('invitation and acceptance', () => {
  it('mails a single-use link that creates the account and grants access to this client only', async () => {
    const cast = await castWithAddress();
    await invite(cast.author, cast.clientId);
    const [row] = await db().select().from(outbox).where(eq(outbox.toAddress, cast.email));
    // The stored body never holds the working link.
    expect(row?.textBody).not.toMatch(/\/portal\/invite\/[\w-]{20,}/);
    const token = await portalToken(cast.email);
    const view = await findPortalInvitation(testContext(db()), token);
    expect(view).toMatchObject({
      email: cast.email,
      clientName: 'Maria Lehtonen',
      hasAccount: false,
    });

    const { userId, practiceId } = await acceptPortalInvitation(
      testContext(db()),
      token,
      newAccount,
    );
    expect(practiceId).toBe(cast.owner.practiceId);
    expect(await listPortalPractices(db(), userId)).toEqual([
      {
        practiceId,
        practiceName: expect.any(String),
        // The practice has given no contact details (its profile) yet.
        contactEmail: null,
        contactPhone: null,
        clientId: cast.clientId,
      },
    ]);
    const state = (await getClientPage(testContext(db()), cast.author, cast.clientId)).portal;
    expect(state.access.state).toBe('active');

    await expectAppError(
      acceptPortalInvitation(testContext(db()), token, newAccount),
      'invite.invalid',
    );
    expect(await findPortalInvitation(testContext(db()), token)).toBeUndefined();
  });

  it('expires after seven days', async () => {
    const cast = await castWithAddress();
    const sent = new Date('2026-12-01T08:00:00Z');
    await invite(cast.author, cast.clientId, sent);
    const token = await portalToken(cast.email);
    const late = new Date(sent.getTime() + 7 * DAY + 1000);
    expect(await findPortalInvitation(testContext(db(), late), token)).toBeUndefined();
    await expectAppError(
      acceptPortalInvitation(testContext(db(), late), token, newAccount),
      'invite.invalid',
    );
  });

  it('a new invitation voids the earlier link', async () => {
    const cast = await castWithAddress();
    await invite(cast.author, cast.clientId);
    const first = await portalToken(cast.email);
    await invite(cast.author, cast.clientId);
    const second = await portalToken(cast.email);
    expect(second).not.toBe(first);
    expect(await findPortalInvitation(testContext(db()), first)).toBeUndefined();
    expect(await findPortalInvitation(testContext(db()), second)).toBeDefined();
  });

  it('one person supervised in two practices has one account and two practices', async () => {
    const a = await castWithAddress();
    const b = await createAccessCast(db());
    await db().update(clients).set({ email: a.email }).where(eq(clients.id, b.clientId));
    await invite(a.author, a.clientId);
    const { userId } = await acceptPortalInvitation(
      testContext(db()),
      await portalToken(a.email),
      newAccount,
    );
    await invite(b.author, b.clientId);
    const second = await portalToken(a.email);
    expect((await findPortalInvitation(testContext(db()), second))?.hasAccount).toBe(true);
    await acceptPortalInvitation(testContext(db()), second, {
      kind: 'signed-in',
      userId,
      email: a.email,
    });
    const practices = await listPortalPractices(db(), userId);
    expect(practices.map((p) => p.clientId).sort()).toEqual([a.clientId, b.clientId].sort());
  });

  it('a signed-in user with another address cannot take the invitation', async () => {
    const cast = await castWithAddress();
    await invite(cast.author, cast.clientId);
    const token = await portalToken(cast.email);
    await expectAppError(
      acceptPortalInvitation(testContext(db()), token, {
        kind: 'signed-in',
        userId: cast.colleague.userId,
        email: 'someone.else@example.fi',
      }),
      'invite.wrongUser',
    );
  });
});

describe('revoking', () => {
  it('ends access and the supervisee’s sessions at once', async () => {
    const cast = await castWithAddress();
    await invite(cast.author, cast.clientId);
    const { userId } = await acceptPortalInvitation(
      testContext(db()),
      await portalToken(cast.email),
      newAccount,
    );
    await createSession(db(), userId);
    expect(
      await outcomeOf(revokePortalAccess(testContext(db()), cast.colleague, cast.clientId)),
    ).toBe('forbidden');

    await revokePortalAccess(testContext(db()), cast.author, cast.clientId);
    expect(await listPortalPractices(db(), userId)).toEqual([]);
    expect(await db().select().from(authSessions).where(eq(authSessions.userId, userId))).toEqual(
      [],
    );
    const state = (await getClientPage(testContext(db()), cast.owner, cast.clientId)).portal;
    expect(state.access.state).toBe('revoked');
    // The row stays as the record of who had access.
    expect(
      await db().select().from(portalAccess).where(eq(portalAccess.userId, userId)),
    ).toHaveLength(1);
    // Invited again, the same person gets in again.
    await invite(cast.owner, cast.clientId);
    await acceptPortalInvitation(testContext(db()), await portalToken(cast.email), {
      kind: 'signed-in',
      userId,
      email: cast.email,
    });
    expect(await listPortalPractices(db(), userId)).toHaveLength(1);
  });
});
