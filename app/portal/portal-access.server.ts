/**
 * Letting a supervisee into the portal: the invitation mailed from the client page, its
 * acceptance, and revocation (docs/decisions/010).
 */
import { and, desc, eq, gt, isNull, or, type SQL, sql } from 'drizzle-orm';

import { qualified } from '#db/qualified';
import {
  authSessions,
  clients,
  portalAccess,
  portalInvitations,
  practices,
  users,
} from '#db/schema';
import { assertMayMailOthers } from '~/auth/email-verification.server';
import { hashPassword } from '~/auth/password.server';
import { countAttempt, throttles } from '~/auth/throttle.server';
import { isUniqueViolation } from '~/db-errors.server';
import type { DomainContext } from '~/domain/context';
import { enqueueEmail, type LinkMailSetup } from '~/email/outbox.server';
import { portalInvitationEmail } from '~/email/templates';
import { AppError } from '~/errors';
import type { Locale } from '~/i18n';
import type { MemberActor } from '~/practices/actor';
import { generateToken, sha256Hex } from '~/security/tokens.server';

import { clientSupervisorIds, mayManagePortalAccess } from './access.server';

export const PORTAL_INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

async function assertMayManage(ctx: DomainContext, actor: MemberActor, clientId: string) {
  const [client] = await ctx.db
    .select({ id: clients.id, name: clients.name, email: clients.email })
    .from(clients)
    .where(and(eq(clients.id, clientId), eq(clients.practiceId, actor.practiceId)));
  if (!client) throw new AppError('not_found');
  const contractSupervisorIds = await clientSupervisorIds(ctx.db, actor.practiceId, clientId);
  if (!mayManagePortalAccess(actor, { contractSupervisorIds })) throw new AppError('forbidden');
  return client;
}

export type PortalAccessState =
  | { state: 'none' }
  | { state: 'invited'; email: string; expiresAt: Date }
  | { state: 'active'; email: string; since: Date }
  | { state: 'revoked'; revokedAt: Date };

/**
 * The portal access of the row's client, as one json column of a query on `clients`: the live
 * access (with its user's address), else the newest open invitation, else the latest
 * revocation. Read with `portalAccessStateOf`.
 */
export function portalAccessOfClient(now: Date): SQL<PortalAccessFacts> {
  const sameClient = (table: typeof portalAccess | typeof portalInvitations) =>
    and(eq(table.clientId, clients.id), eq(table.practiceId, clients.practiceId));
  return sql<PortalAccessFacts>`json_build_object(
    'live', (select json_build_object('email', ${qualified(users.email)}, 'since', ${qualified(portalAccess.createdAt)})
      from ${portalAccess} inner join ${users} on ${eq(users.id, portalAccess.userId)}
      where ${and(sameClient(portalAccess), isNull(portalAccess.revokedAt))} limit 1),
    'invitation', (select json_build_object(
        'email', ${qualified(portalInvitations.email)}, 'expiresAt', ${qualified(portalInvitations.expiresAt)})
      from ${portalInvitations}
      where ${and(
        sameClient(portalInvitations),
        isNull(portalInvitations.acceptedAt),
        gt(portalInvitations.expiresAt, now),
      )}
      order by ${desc(portalInvitations.createdAt)} limit 1),
    'revokedAt', (select max(${qualified(portalAccess.revokedAt)}) from ${portalAccess}
      where ${sameClient(portalAccess)}))`.mapWith((value: unknown) =>
    typeof value === 'string' ? (JSON.parse(value) as PortalAccessFacts) : value,
  ) as SQL<PortalAccessFacts>;
}

interface PortalAccessFacts {
  live: { email: string; since: string } | null;
  invitation: { email: string; expiresAt: string } | null;
  revokedAt: string | null;
}

/** What the client page says of the portal access (see `portalAccessOfClient`). */
export function portalAccessStateOf(facts: PortalAccessFacts): PortalAccessState {
  if (facts.live)
    return { state: 'active', email: facts.live.email, since: new Date(facts.live.since) };
  if (facts.invitation) {
    return {
      state: 'invited',
      email: facts.invitation.email,
      expiresAt: new Date(facts.invitation.expiresAt),
    };
  }
  if (facts.revokedAt) return { state: 'revoked', revokedAt: new Date(facts.revokedAt) };
  return { state: 'none' };
}

/**
 * Mails the client a link to the portal (7 days, single use) at the address on their
 * client row. A new invitation voids the client's earlier open ones.
 */
export async function inviteToPortal(
  ctx: DomainContext,
  actor: MemberActor,
  input: { clientId: string; locale: Locale; mail: LinkMailSetup },
): Promise<void> {
  const { db, now } = ctx;
  const client = await assertMayManage(ctx, actor, input.clientId);
  if (!client.email) throw new AppError('invalid', 'portal.invite.noEmail');
  await assertMayMailOthers(db, actor.userId);
  const [names] = await db
    .select({ practice: practices.name, inviter: users.name })
    .from(practices)
    .innerJoin(users, eq(users.id, actor.userId))
    .where(eq(practices.id, actor.practiceId));
  if (!names) throw new AppError('not_found');
  const token = generateToken();
  const url = `${input.mail.appOrigin}/portal/invite/${token}`;
  const mail = portalInvitationEmail(input.locale, { ...names, link: url });
  const email = client.email.trim().toLowerCase();
  await db.transaction(async (tx) => {
    const [live] = await tx
      .select({ id: portalAccess.id })
      .from(portalAccess)
      .where(and(eq(portalAccess.clientId, client.id), isNull(portalAccess.revokedAt)));
    if (live) throw new AppError('conflict', 'portal.invite.alreadyActive');
    const practiceAllowed = await countAttempt(tx, throttles.invitePractice, actor.practiceId, now);
    const senderAllowed = await countAttempt(tx, throttles.inviteSender, actor.userId, now);
    if (!practiceAllowed || !senderAllowed) throw new AppError('throttled', 'members.throttled');
    await tx
      .delete(portalInvitations)
      .where(
        and(
          eq(portalInvitations.clientId, client.id),
          eq(portalInvitations.practiceId, actor.practiceId),
          isNull(portalInvitations.acceptedAt),
        ),
      );
    await tx.insert(portalInvitations).values({
      practiceId: actor.practiceId,
      clientId: client.id,
      email,
      tokenHash: sha256Hex(token),
      invitedBy: actor.userId,
      expiresAt: new Date(now.getTime() + PORTAL_INVITATION_LIFETIME_MS),
    });
    await enqueueEmail(tx, {
      to: email,
      practiceId: actor.practiceId,
      ...mail,
      secretLink: { url, keyring: input.mail.keyring },
    });
  });
}

/**
 * Ends a client's portal access at once: the access row is closed, open invitations are
 * voided, and the user's sessions in this practice (or not yet tied to one) end.
 */
export async function revokePortalAccess(
  ctx: DomainContext,
  actor: MemberActor,
  clientId: string,
): Promise<void> {
  const { db, now } = ctx;
  await assertMayManage(ctx, actor, clientId);
  await db.transaction(async (tx) => {
    const closed = await tx
      .update(portalAccess)
      .set({ revokedAt: now, revokedBy: actor.userId })
      .where(
        and(
          eq(portalAccess.clientId, clientId),
          eq(portalAccess.practiceId, actor.practiceId),
          isNull(portalAccess.revokedAt),
        ),
      )
      .returning({ userId: portalAccess.userId });
    const voided = await tx
      .delete(portalInvitations)
      .where(
        and(
          eq(portalInvitations.clientId, clientId),
          eq(portalInvitations.practiceId, actor.practiceId),
          isNull(portalInvitations.acceptedAt),
        ),
      )
      .returning({ id: portalInvitations.id });
    if (closed.length === 0 && voided.length === 0) throw new AppError('not_found');
    for (const { userId } of closed) {
      await tx
        .delete(authSessions)
        .where(
          and(
            eq(authSessions.userId, userId),
            or(eq(authSessions.practiceId, actor.practiceId), isNull(authSessions.practiceId)),
          ),
        );
    }
  });
}

function openInvitation(token: string, now: Date) {
  return and(
    eq(portalInvitations.tokenHash, sha256Hex(token)),
    isNull(portalInvitations.acceptedAt),
    gt(portalInvitations.expiresAt, now),
  );
}

export interface PortalInvitationView {
  email: string;
  practiceName: string;
  clientName: string;
  /** The invited address already has an account: its owner signs in to accept. */
  hasAccount: boolean;
}

export async function findPortalInvitation(
  { db, now }: DomainContext,
  token: string,
): Promise<PortalInvitationView | undefined> {
  const [row] = await db
    .select({
      email: portalInvitations.email,
      practiceName: practices.name,
      clientName: clients.name,
      existingUserId: users.id,
    })
    .from(portalInvitations)
    .innerJoin(practices, eq(practices.id, portalInvitations.practiceId))
    .innerJoin(
      clients,
      and(eq(clients.id, portalInvitations.clientId), eq(clients.practiceId, practices.id)),
    )
    .leftJoin(users, eq(users.email, portalInvitations.email))
    .where(openInvitation(token, now));
  if (!row) return undefined;
  const { existingUserId, ...view } = row;
  return { ...view, hasAccount: existingUserId !== null };
}

type Acceptance =
  | { kind: 'new-account'; name: string; password: string; locale: Locale | null }
  | { kind: 'signed-in'; userId: string; email: string };

/**
 * Accepts a portal invitation by creating the account it was for, or as the signed-in user
 * it was addressed to. The invitation is spent in the same transaction that grants access.
 */
export async function acceptPortalInvitation(
  { db, now }: DomainContext,
  token: string,
  acceptance: Acceptance,
): Promise<{ userId: string; practiceId: string }> {
  const passwordHash =
    acceptance.kind === 'new-account' ? await hashPassword(acceptance.password) : undefined;
  try {
    return await db.transaction(async (tx) => {
      const [invitation] = await tx
        .update(portalInvitations)
        .set({ acceptedAt: now })
        .where(openInvitation(token, now))
        .returning();
      if (!invitation) throw new AppError('not_found', 'invite.invalid');
      let userId: string;
      if (acceptance.kind === 'signed-in') {
        if (acceptance.email !== invitation.email) {
          throw new AppError('forbidden', 'invite.wrongUser');
        }
        userId = acceptance.userId;
        await tx
          .update(users)
          .set({ emailVerifiedAt: now })
          .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)));
      } else {
        const [user] = await tx
          .insert(users)
          .values({
            email: invitation.email,
            name: acceptance.name,
            passwordHash: passwordHash ?? '',
            locale: acceptance.locale,
            emailVerifiedAt: now,
          })
          .returning({ id: users.id });
        if (!user) throw new Error('insert returned no row');
        userId = user.id;
      }
      const [granted] = await tx
        .insert(portalAccess)
        .values({
          practiceId: invitation.practiceId,
          clientId: invitation.clientId,
          userId,
          grantedBy: invitation.invitedBy,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: portalAccess.id });
      if (!granted) {
        // The client already has live access: only fine when it is this very user.
        const [live] = await tx
          .select({ userId: portalAccess.userId })
          .from(portalAccess)
          .where(
            and(eq(portalAccess.clientId, invitation.clientId), isNull(portalAccess.revokedAt)),
          );
        if (live?.userId !== userId) throw new AppError('conflict', 'invite.invalid');
      }
      return { userId, practiceId: invitation.practiceId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'invite.invalid');
    throw error;
  }
}
