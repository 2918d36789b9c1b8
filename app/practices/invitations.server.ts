import { and, desc, eq, gt, isNull } from 'drizzle-orm';

import { invitations, memberships, type PracticeRole, practices, users } from '#db/schema';
import { assertMayMailOthers, markEmailVerified } from '~/auth/email-verification.server';
import { hashPassword } from '~/auth/password.server';
import { countAttempt, throttles } from '~/auth/throttle.server';
import { isUniqueViolation } from '~/db-errors.server';
import type { DomainContext } from '~/domain/context';
import { enqueueEmail, type LinkMailSetup } from '~/email/outbox.server';
import { invitationEmail } from '~/email/templates';
import { AppError } from '~/errors';
import type { Locale } from '~/i18n';
import { generateToken, sha256Hex } from '~/security/tokens.server';

import { assertRole, type MemberActor } from './actor';
import { isMember } from './memberships.server';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * An owner invites someone by e-mail; the invitation and its mail commit together. The
 * owner's own address must be confirmed, and invitations are limited per practice and per
 * sender (the practice name in the subject would otherwise make this a spam channel).
 */
export async function inviteMember(
  { db, now }: DomainContext,
  actor: MemberActor,
  input: { email: string; role: PracticeRole; locale: Locale; mail: LinkMailSetup },
): Promise<void> {
  assertRole(actor, 'owner');
  await assertMayMailOthers(db, actor.userId);
  if (await isMember(db, actor.practiceId, input.email)) {
    throw new AppError('conflict', 'members.alreadyMember');
  }
  const [context] = await db
    .select({ practice: practices.name, inviter: users.name })
    .from(practices)
    .innerJoin(users, eq(users.id, actor.userId))
    .where(eq(practices.id, actor.practiceId));
  if (!context) throw new AppError('not_found');
  const token = generateToken();
  const url = `${input.mail.appOrigin}/invite/${token}`;
  const mail = invitationEmail(input.locale, { ...context, link: url });
  await db.transaction(async (tx) => {
    // Counted in the transaction: an invitation refused for any reason does not count.
    const practiceAllowed = await countAttempt(tx, throttles.invitePractice, actor.practiceId, now);
    const senderAllowed = await countAttempt(tx, throttles.inviteSender, actor.userId, now);
    if (!practiceAllowed || !senderAllowed) throw new AppError('throttled', 'members.throttled');
    await tx.insert(invitations).values({
      practiceId: actor.practiceId,
      email: input.email,
      role: input.role,
      tokenHash: sha256Hex(token),
      invitedBy: actor.userId,
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
    });
    await enqueueEmail(tx, {
      to: input.email,
      practiceId: actor.practiceId,
      ...mail,
      secretLink: { url, keyring: input.mail.keyring },
    });
  });
}

export async function listOpenInvitations({ db, now }: DomainContext, actor: MemberActor) {
  assertRole(actor, 'owner');
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(
      and(
        eq(invitations.practiceId, actor.practiceId),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

/** An owner withdraws an open invitation of their own practice; its link stops working. */
export async function revokeInvitation(
  { db }: DomainContext,
  actor: MemberActor,
  invitationId: string,
): Promise<void> {
  assertRole(actor, 'owner');
  const deleted = await db
    .delete(invitations)
    .where(
      and(
        eq(invitations.id, invitationId),
        eq(invitations.practiceId, actor.practiceId),
        isNull(invitations.acceptedAt),
      ),
    )
    .returning({ id: invitations.id });
  if (deleted.length === 0) throw new AppError('not_found');
}

function openInvitation(token: string, now: Date) {
  return and(
    eq(invitations.tokenHash, sha256Hex(token)),
    isNull(invitations.acceptedAt),
    gt(invitations.expiresAt, now),
  );
}

export interface InvitationView {
  email: string;
  role: PracticeRole;
  practiceName: string;
  /** True when the invited address already has an account: they log in to accept. */
  hasAccount: boolean;
}

export async function findInvitation(
  { db, now }: DomainContext,
  token: string,
): Promise<InvitationView | undefined> {
  const [row] = await db
    .select({
      email: invitations.email,
      role: invitations.role,
      practiceName: practices.name,
      existingUserId: users.id,
    })
    .from(invitations)
    .innerJoin(practices, eq(practices.id, invitations.practiceId))
    .leftJoin(users, eq(users.email, invitations.email))
    .where(openInvitation(token, now));
  if (!row) return undefined;
  const { existingUserId, ...view } = row;
  return { ...view, hasAccount: existingUserId !== null };
}

type Acceptance =
  | { kind: 'new-account'; name: string; password: string; locale: Locale | null }
  | { kind: 'signed-in'; userId: string; email: string };

/**
 * Accepts an invitation, either by creating the account the invitation was for or as the
 * signed-in user it was addressed to. Spends the invitation in the same transaction.
 */
export async function acceptInvitation(
  { db, now }: DomainContext,
  token: string,
  acceptance: Acceptance,
): Promise<{ userId: string; practiceId: string }> {
  const passwordHash =
    acceptance.kind === 'new-account' ? await hashPassword(acceptance.password) : undefined;
  try {
    return await db.transaction(async (tx) => {
      const [invitation] = await tx
        .update(invitations)
        .set({ acceptedAt: now })
        .where(openInvitation(token, now))
        .returning();
      if (!invitation) throw new AppError('not_found', 'invite.invalid');
      let userId: string;
      if (acceptance.kind === 'signed-in') {
        if (acceptance.email !== invitation.email)
          throw new AppError('forbidden', 'invite.wrongUser');
        userId = acceptance.userId;
        // The invitation reached this address, so its owner reads mail there.
        await markEmailVerified(tx, userId, now);
      } else {
        const [user] = await tx
          .insert(users)
          .values({
            email: invitation.email,
            name: acceptance.name,
            passwordHash: passwordHash ?? '',
            locale: acceptance.locale,
            // Following the mailed link proves the address.
            emailVerifiedAt: now,
          })
          .returning({ id: users.id });
        if (!user) throw new Error('insert returned no row');
        userId = user.id;
      }
      await tx
        .insert(memberships)
        .values({ practiceId: invitation.practiceId, userId, role: invitation.role })
        .onConflictDoNothing();
      return { userId, practiceId: invitation.practiceId };
    });
  } catch (error) {
    // The address got an account after the page was shown: they must log in instead.
    if (isUniqueViolation(error)) throw new AppError('conflict', 'invite.invalid');
    throw error;
  }
}
