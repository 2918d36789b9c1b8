/**
 * The supervisee's feedback rounds for their data export: each round with its aggregated
 * results, under the same threshold as the page — never anything per respondent.
 */
import type { DomainContext } from '~/domain/context';
import type { SuperviseeActor } from '~/practices/actor';

import { roundResults } from './results.server';
import type { RoundResults } from './results-view';
import { listOwnRounds, type RoundSummary } from './rounds.server';

export async function exportFeedbackRounds(
  ctx: DomainContext,
  actor: SuperviseeActor,
): Promise<(RoundSummary & { results: RoundResults })[]> {
  const rounds = await listOwnRounds(ctx, actor);
  const exported = [];
  for (const round of rounds) {
    const results = await roundResults(ctx, { ...round, practiceId: actor.practiceId });
    exported.push({ ...round, results });
  }
  return exported;
}
