/**
 * What the commissioner (the paying employer) is told about a contract, as the contract
 * allows: nothing, attendance, or attendance and evaluation outcomes. The owner downloads it
 * and sends it on; the commissioner has no login. Never any note, summary, comment or
 * cancellation reason: only dates, statuses and goal scores.
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';

import { evaluations, evaluationScores, supervisionSessions } from '#db/schema';
import type { EvaluationKind, SessionStatus } from '#db/schema/values';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import { mayReportToCommissioner } from './access.server';
import { getContract } from './get-contract.server';

export interface GoalOutcome {
  goal: string;
  kind: EvaluationKind;
  /** The supervisor's score, 1–5. */
  supervisor: number | null;
  /** The supervisees' mean score (one decimal), and how many answered. */
  supervisees: number | null;
  superviseeCount: number;
}

export async function commissionerReport(ctx: DomainContext, actor: MemberActor, id: string) {
  if (!mayReportToCommissioner(actor)) throw new AppError('forbidden');
  const contract = await getContract(ctx, actor, id);
  if (contract.commissionerDisclosure === 'nothing') {
    throw new AppError('conflict', 'report.nothingAgreed');
  }
  const { db, now } = ctx;
  const inContract = and(
    eq(supervisionSessions.contractId, id),
    eq(supervisionSessions.practiceId, actor.practiceId),
  );
  const [sessions, scores] = await Promise.all([
    db
      .select({
        startsAt: supervisionSessions.startsAt,
        status: supervisionSessions.status,
        cancelledBy: supervisionSessions.cancelledBy,
        cancelledLate: supervisionSessions.cancelledLate,
        chargeable: supervisionSessions.chargeable,
      })
      .from(supervisionSessions)
      .where(inContract)
      .orderBy(asc(supervisionSessions.startsAt)),
    contract.commissionerDisclosure === 'attendance_and_evaluations'
      ? db
          .select({
            kind: evaluations.kind,
            respondent: evaluations.respondent,
            goalId: evaluationScores.goalId,
            score: evaluationScores.score,
          })
          .from(evaluations)
          .innerJoin(evaluationScores, eq(evaluationScores.evaluationId, evaluations.id))
          .where(
            and(
              eq(evaluations.contractId, id),
              eq(evaluations.practiceId, actor.practiceId),
              isNotNull(evaluations.submittedAt),
            ),
          )
      : Promise.resolve([]),
  ]);
  const outcomes: GoalOutcome[] = [];
  for (const kind of ['start', 'middle', 'end'] as const) {
    for (const goal of contract.goals) {
      const here = scores.filter((s) => s.kind === kind && s.goalId === goal.id);
      if (here.length === 0) continue;
      const supervisees = here.filter((s) => s.respondent === 'supervisee').map((s) => s.score);
      const mean = supervisees.length
        ? Math.round((supervisees.reduce((a, b) => a + b, 0) / supervisees.length) * 10) / 10
        : null;
      outcomes.push({
        goal: goal.text,
        kind,
        supervisor: here.find((s) => s.respondent === 'supervisor')?.score ?? null,
        supervisees: mean,
        superviseeCount: supervisees.length,
      });
    }
  }
  const past = sessions.filter((s) => s.startsAt <= now || s.status !== 'scheduled');
  return {
    generatedAt: now,
    disclosure: contract.commissionerDisclosure,
    code: contract.code,
    form: contract.form,
    status: contract.status,
    startsOn: contract.startsOn,
    plannedEndOn: contract.plannedEndOn,
    commissioner: contract.commissioner.name,
    supervisor: contract.supervisor.name,
    participants: contract.participants.map((p) => p.name),
    progress: contract.progress,
    sessions: past.map((s) => ({
      startsAt: s.startsAt,
      status: s.status as SessionStatus,
      cancelledBy: s.cancelledBy,
      cancelledLate: s.cancelledLate,
      chargeable: s.chargeable,
    })),
    upcoming: sessions.length - past.length,
    outcomes,
  };
}

export type CommissionerReport = Awaited<ReturnType<typeof commissionerReport>>;
