/**
 * The rounds a supervisee has shared, on the staff client page: for the supervisors of that
 * client's contracts only (`mayReadSharedResults`), with the same threshold as the portal.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';

import { feedbackRounds } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { clientSupervisorIds } from '~/portal/access.server';
import type { MemberActor } from '~/practices/actor';

import { mayReadSharedResults } from './access.server';
import { resultsOfRounds } from './results.server';
import type { RoundResults } from './results-view';
import { openTitle } from './round-sealing.server';
import { closesOnOf } from './rounds.server';

export interface SharedRound {
  id: string;
  title: string;
  closesOn: string;
  results: RoundResults;
}

/**
 * `known` is what the client page has read already with the client (`readClient`), so that
 * the supervisors of the client's contracts are looked up once per request. Two queries
 * however many rounds: the rounds, then the results of those the rule lets the actor read
 * (none when it lets them read none).
 */
export async function listSharedRounds(
  ctx: DomainContext,
  actor: MemberActor,
  clientId: string,
  known?: { contractSupervisorIds: readonly string[] },
): Promise<SharedRound[]> {
  const contractSupervisorIds =
    known?.contractSupervisorIds ?? (await clientSupervisorIds(ctx.db, actor.practiceId, clientId));
  const rounds = await ctx.db
    .select()
    .from(feedbackRounds)
    .where(
      and(
        eq(feedbackRounds.clientId, clientId),
        eq(feedbackRounds.practiceId, actor.practiceId),
        isNotNull(feedbackRounds.sharedWithSupervisorAt),
      ),
    )
    .orderBy(desc(feedbackRounds.createdAt));
  const readable = rounds.filter((round) =>
    mayReadSharedResults(actor, { ...round, contractSupervisorIds }),
  );
  const results = await resultsOfRounds(
    ctx,
    actor.practiceId,
    readable.map((round) => round.id),
  );
  return readable.flatMap((round) => {
    const roundResults = results.get(round.id);
    return roundResults
      ? [
          {
            id: round.id,
            title: openTitle(ctx.keyring, round),
            closesOn: closesOnOf(round),
            results: roundResults,
          },
        ]
      : [];
  });
}
