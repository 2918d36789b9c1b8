/**
 * When a supervisee's start, middle and end evaluations are due (open to answer in the
 * portal). The contract sets evaluation points by marking sessions (`evaluation_kind`); where
 * a point is not marked, the agreed number of sessions decides:
 *
 * - Nothing is due on a draft contract.
 * - A point marked on a session that is not cancelled opens a week before that session
 *   starts, so the answer is there when the evaluation is discussed.
 * - Unmarked start: open as soon as the contract is active.
 * - Unmarked middle: open once half of the agreed sessions (rounded down, at least one) are
 *   used up (held, no-show or charged late cancellations, as in contracts/progress).
 * - Unmarked end: open once all but the last agreed session are used up, or the contract has
 *   ended.
 *
 * A point once open stays open; the supervisee may answer it, and change their answer, later.
 */
import type { ContractStatus, EvaluationKind, SessionStatus } from '#db/schema/values';

/** How long before a marked evaluation session its point opens. */
export const markedPointOpensDaysBefore = 7;

export interface DueFacts {
  status: ContractStatus;
  sessionsAgreed: number;
  /** Sessions used up so far (contracts/progress `used`). */
  sessionsUsed: number;
  /** The contract's sessions marked as evaluation points. */
  markedSessions: readonly {
    evaluationKind: EvaluationKind;
    startsAt: Date;
    status: SessionStatus;
  }[];
}

export type EvaluationPoint =
  | { kind: EvaluationKind; open: true }
  /** Not open yet: opens on `opensAt` (a marked session), or after `afterSessions` are used. */
  | { kind: EvaluationKind; open: false; opensAt: Date | null; afterSessions: number | null };

const dayMs = 24 * 60 * 60 * 1000;

export function evaluationPoints(facts: DueFacts, now: Date): EvaluationPoint[] {
  return (['start', 'middle', 'end'] as const).map((kind) => pointOf(kind, facts, now));
}

function pointOf(kind: EvaluationKind, facts: DueFacts, now: Date): EvaluationPoint {
  const closed = (opensAt: Date | null, afterSessions: number | null): EvaluationPoint => ({
    kind,
    open: false,
    opensAt,
    afterSessions,
  });
  if (facts.status === 'draft') return closed(null, null);
  const marked = facts.markedSessions
    .filter((s) => s.evaluationKind === kind && s.status !== 'cancelled')
    .map((s) => new Date(s.startsAt.getTime() - markedPointOpensDaysBefore * dayMs))
    .sort((a, b) => a.getTime() - b.getTime())[0];
  if (marked) return marked <= now ? { kind, open: true } : closed(marked, null);
  if (kind === 'start') return { kind, open: true };
  if (kind === 'end' && facts.status === 'ended') return { kind, open: true };
  const needed =
    kind === 'middle'
      ? Math.max(1, Math.floor(facts.sessionsAgreed / 2))
      : Math.max(1, facts.sessionsAgreed - 1);
  return facts.sessionsUsed >= needed ? { kind, open: true } : closed(null, needed);
}
