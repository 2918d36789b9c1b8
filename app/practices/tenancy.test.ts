import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { clients, memberships, outbox } from '#db/schema';
import { loadContextFor, testContext } from '#db/testing/context';
import {
  addMember,
  createPracticeWithOwner,
  TEST_ORIGIN,
  TEST_PASSWORD,
  uniqueEmail,
} from '#db/testing/factories';
import { testKeyring } from '#db/testing/keyring';
import { createTestDatabase } from '#db/testing/test-database';
import { requirePracticeRole } from '~/auth/guards.server';
import { createSession, validateSessionToken } from '~/auth/session.server';
import { listClients } from '~/clients/clients.server';
import { unsealBody } from '~/email/sealed-link.server';
import { AppError } from '~/errors';

import {
  acceptInvitation,
  findInvitation,
  inviteMember,
  listOpenInvitations,
  revokeInvitation,
} from './invitations.server';
import { listMembers, switchPractice } from './memberships.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;
const mail = { appOrigin: TEST_ORIGIN, keyring: testKeyring };

const contextFor = (userId: string | null) => loadContextFor(db(), userId);

async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

const request = new Request('http://localhost/settings/members?tab=1');

describe('guards', () => {
  it('sends an anonymous visitor to log in, remembering where they were going', async () => {
    const thrown = await thrownBy(requirePracticeRole(request, await contextFor(null)));
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe(
      `/login?redirectTo=${encodeURIComponent('/settings/members?tab=1')}`,
    );
  });

  it('gives a supervisor 403 on an owner-only route, and the owner through', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const supervisor = await addMember(db(), owner.practiceId, 'supervisor');
    const thrown = await thrownBy(
      requirePracticeRole(request, await contextFor(supervisor.userId), 'owner'),
    );
    expect((thrown as Response).status).toBe(403);
    const actor = await requirePracticeRole(request, await contextFor(owner.userId), 'owner');
    expect(actor).toMatchObject({ practiceId: owner.practiceId, role: 'owner' });
  });

  it('gives a signed-in user without any practice 403', async () => {
    const { owner } = await createPracticeWithOwner(db());
    await db().delete(memberships).where(eq(memberships.userId, owner.userId));
    const thrown = await thrownBy(requirePracticeRole(request, await contextFor(owner.userId)));
    expect((thrown as Response).status).toBe(403);
  });
});

describe('practice scoping', () => {
  it("never shows one practice's clients or members to another", async () => {
    const a = await createPracticeWithOwner(db(), { practiceName: 'A' });
    const b = await createPracticeWithOwner(db(), { practiceName: 'B' });
    await db()
      .insert(clients)
      .values([
        { practiceId: a.owner.practiceId, name: 'Asiakas A' },
        { practiceId: b.owner.practiceId, name: 'Asiakas B' },
      ]);
    expect((await listClients(testContext(db()), a.owner)).rows.map((c) => c.name)).toEqual([
      'Asiakas A',
    ]);
    expect((await listClients(testContext(db()), b.owner)).rows.map((c) => c.name)).toEqual([
      'Asiakas B',
    ]);
    expect((await listMembers(testContext(db()), a.owner)).map((m) => m.email)).toEqual([a.email]);
  });
});

describe('invitations', () => {
  async function invitationToken(email: string): Promise<string> {
    const [row] = await db().select().from(outbox).where(eq(outbox.toAddress, email));
    const token = row && unsealBody(testKeyring, row)?.match(/\/invite\/([\w-]+)/)?.[1];
    if (!token) throw new Error('no invitation link in the mail');
    return token;
  }

  it('lets only an owner invite', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const supervisor = await addMember(db(), owner.practiceId, 'supervisor');
    const error = await thrownBy(
      inviteMember(testContext(db()), supervisor, {
        email: uniqueEmail(),
        role: 'supervisor',
        locale: 'fi',
        mail,
      }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('forbidden');
  });

  it('mails a link with which the invitee creates an account and joins, once', async () => {
    const { owner } = await createPracticeWithOwner(db(), { practiceName: 'Kutsuva Oy' });
    const email = uniqueEmail('invitee');
    await inviteMember(testContext(db()), owner, { email, role: 'supervisor', locale: 'en', mail });
    const [sent] = await db().select().from(outbox).where(eq(outbox.toAddress, email));
    expect(sent?.subject).toBe('Invitation to Kutsuva Oy');
    expect(sent?.practiceId).toBe(owner.practiceId);

    const token = await invitationToken(email);
    expect(await findInvitation(testContext(db()), token)).toMatchObject({
      email,
      practiceName: 'Kutsuva Oy',
      hasAccount: false,
    });
    const joined = await acceptInvitation(testContext(db()), token, {
      kind: 'new-account',
      name: 'Uusi Ohjaaja',
      password: TEST_PASSWORD,
      locale: null,
    });
    expect(joined.practiceId).toBe(owner.practiceId);
    const members = await listMembers(testContext(db()), owner);
    expect(members.find((m) => m.email === email)?.role).toBe('supervisor');

    const again = await thrownBy(
      acceptInvitation(testContext(db()), token, {
        kind: 'new-account',
        name: 'X',
        password: TEST_PASSWORD,
        locale: null,
      }),
    );
    expect((again as AppError).messageKey).toBe('invite.invalid');
    expect(await findInvitation(testContext(db()), token)).toBeUndefined();
  });

  it('refuses to invite an existing member, and to accept as another user', async () => {
    const { owner, email: ownerEmail } = await createPracticeWithOwner(db());
    const existing = await thrownBy(
      inviteMember(testContext(db()), owner, {
        email: ownerEmail,
        role: 'supervisor',
        locale: 'fi',
        mail,
      }),
    );
    expect((existing as AppError).messageKey).toBe('members.alreadyMember');

    const other = await createPracticeWithOwner(db());
    const email = uniqueEmail('invitee');
    await inviteMember(testContext(db()), owner, { email, role: 'supervisor', locale: 'fi', mail });
    const token = await invitationToken(email);
    const wrongUser = await thrownBy(
      acceptInvitation(testContext(db()), token, {
        kind: 'signed-in',
        userId: other.owner.userId,
        email: other.email,
      }),
    );
    expect((wrongUser as AppError).code).toBe('forbidden');
    // The refused attempt rolled back: the invitation can still be used.
    expect(await findInvitation(testContext(db()), token)).toBeDefined();
  });
});

describe('practice switching', () => {
  it('moves the session only into a practice the user belongs to', async () => {
    const first = await createPracticeWithOwner(db(), { practiceName: 'Ensimmäinen' });
    const second = await createPracticeWithOwner(db(), { practiceName: 'Toinen' });
    const stranger = await createPracticeWithOwner(db(), { practiceName: 'Vieras' });
    await db().insert(memberships).values({
      practiceId: second.owner.practiceId,
      userId: first.owner.userId,
      role: 'supervisor',
    });
    const { token, session } = await createSession(db(), first.owner.userId);
    const actingAs = async () => {
      const context = {
        ...(await contextFor(null)),
        auth: await validateSessionToken(db(), token),
      };
      return requirePracticeRole(request, context);
    };
    expect(await actingAs()).toMatchObject({ practiceName: 'Ensimmäinen', role: 'owner' });

    const auth = { userId: first.owner.userId, sessionId: session.id };
    const refused = await thrownBy(
      switchPractice(testContext(db()), auth, stranger.owner.practiceId),
    );
    expect((refused as AppError).code).toBe('forbidden');
    expect((await actingAs()).practiceName).toBe('Ensimmäinen');

    await switchPractice(testContext(db()), auth, second.owner.practiceId);
    expect(await actingAs()).toMatchObject({ practiceName: 'Toinen', role: 'supervisor' });
  });
});

describe('withdrawing an invitation', () => {
  it("stops the link from working, and no owner can withdraw another practice's", async () => {
    const { owner } = await createPracticeWithOwner(db());
    const other = await createPracticeWithOwner(db());
    const email = uniqueEmail('peruttu');
    await inviteMember(testContext(db()), owner, {
      email,
      role: 'supervisor',
      locale: 'fi',
      mail,
    });
    const [row] = await db().select().from(outbox).where(eq(outbox.toAddress, email));
    const token = (row && unsealBody(testKeyring, row)?.match(/\/invite\/([\w-]+)/)?.[1]) ?? '';
    const [open] = await listOpenInvitations(testContext(db()), owner);
    if (!open) throw new Error('no open invitation');

    const foreign = await thrownBy(revokeInvitation(testContext(db()), other.owner, open.id));
    expect((foreign as AppError).code).toBe('not_found');
    expect(await findInvitation(testContext(db()), token)).toBeDefined();

    await revokeInvitation(testContext(db()), owner, open.id);
    expect(await findInvitation(testContext(db()), token)).toBeUndefined();
    expect(await listOpenInvitations(testContext(db()), owner)).toEqual([]);
  });
});
