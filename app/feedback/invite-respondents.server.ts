/**
 * Mails each address its own one-answer link to a round. The address goes only into the
 * mail (the outbox, with the link sealed); the invitation row keeps the token's hash and
 * whether it has been answered — not to whom it went.
 */
import { and, count, eq } from 'drizzle-orm';

import { feedbackInvitations, users } from '#db/schema';
import { assertMayMailOthers } from '~/auth/email-verification.server';
import { countAttempt } from '~/auth/throttle.server';
import type { DomainContext } from '~/domain/context';
import { enqueueEmail, type LinkMailSetup } from '~/email/outbox.server';
import { feedbackInvitationEmail } from '~/email/templates';
import { AppError } from '~/errors';
import type { Locale } from '~/i18n';
import type { SuperviseeActor } from '~/practices/actor';
import { generateToken, sha256Hex } from '~/security/tokens.server';

import { formatClosingDay } from './format';
import { closesOnOf, findOwnRound, isOpen, respondentUrl } from './rounds.server';
import { feedbackThrottles, MAX_INVITATIONS_PER_ROUND } from './throttles';

export async function inviteRespondents(
  ctx: DomainContext,
  actor: SuperviseeActor,
  input: { roundId: string; addresses: readonly string[]; locale: Locale; mail: LinkMailSetup },
): Promise<number> {
  const { db, now } = ctx;
  const round = await findOwnRound(ctx, actor, input.roundId);
  if (!isOpen(round, now)) throw new AppError('conflict', 'feedback.error.closed');
  if (input.addresses.length === 0) throw new AppError('invalid', 'feedback.round.inviteNone');
  await assertMayMailOthers(db, actor.userId);
  const [asker] = await db
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, actor.userId));
  if (!asker) throw new AppError('not_found');
  const closesOn = formatClosingDay(closesOnOf(round), input.locale);
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ n: count() })
      .from(feedbackInvitations)
      .where(
        and(
          eq(feedbackInvitations.roundId, round.id),
          eq(feedbackInvitations.practiceId, round.practiceId),
        ),
      );
    if ((existing?.n ?? 0) + input.addresses.length > MAX_INVITATIONS_PER_ROUND) {
      throw new AppError('invalid', 'feedback.round.inviteTooMany');
    }
    for (const address of input.addresses) {
      if (!(await countAttempt(tx, feedbackThrottles.invitations, actor.userId, now))) {
        throw new AppError('throttled');
      }
      const token = generateToken();
      await tx.insert(feedbackInvitations).values({
        practiceId: round.practiceId,
        roundId: round.id,
        tokenHash: sha256Hex(token),
      });
      const link = respondentUrl(input.mail.appOrigin, token);
      const mail = feedbackInvitationEmail(input.locale, { name: asker.name, closesOn, link });
      await enqueueEmail(tx, {
        to: address,
        ...mail,
        practiceId: round.practiceId,
        secretLink: { url: link, keyring: input.mail.keyring },
      });
    }
  });
  return input.addresses.length;
}
