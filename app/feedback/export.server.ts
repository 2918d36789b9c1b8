/**
 * The supervisee's feedback rounds for their data export: each round with its aggregated
 * results, under the same threshold as the page — never anything per respondent.
 */
import type { DomainContext } from '~/domain/context';
import type { SuperviseeActor } from '~/practices/actor';

import { resultsOfRounds } from './results.server';
import type { RoundResults } from './results-view';
import { listOwnRounds, type RoundSummary } from './rounds.server';

export async function exportFeedbackRounds(
  ctx: DomainContext,
  actor: SuperviseeActor,
): Promise<(RoundSummary & { results: RoundResults })[]> {
  const rounds = await listOwnRounds(ctx, actor);
  const results = await resultsOfRounds(
    ctx,
    actor.practiceId,
    rounds.map((round) => round.id),
  );
  return rounds.flatMap((round) => {
    const roundResults = results.get(round.id);
    return roundResults ? [{ ...round, results: roundResults }] : [];
  });
}
