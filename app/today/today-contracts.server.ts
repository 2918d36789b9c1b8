/**
 * The contracts on a member's Today page: those near their end (the last agreed session is
 * the next one or already used, or the planned end is near) and, on the actor's own
 * contracts, the evaluation the supervisor has yet to record. One query: the owner sees the
 * practice's contracts (they renew and invoice them), a supervisor their own.
 */
import { and, asc, eq, lte, or, sql } from 'drizzle-orm';

import { jsonArray, subqueryValue } from '#db/json';
import {
  contracts,
  type EvaluationKind,
  evaluations,
  supervisionSessions,
  users,
} from '#db/schema';
import type { SessionStatus } from '#db/schema/values';
import { visibleContracts } from '~/contracts/access.server';
import { progressColumns } from '~/contracts/progress.server';
import type { DomainContext } from '~/domain/context';
import { evaluationPoints } from '~/evaluations/due';
import type { MemberActor } from '~/practices/actor';
import { addDays, helsinkiDate, type LocalDate } from '~/time/helsinki';

/** A planned end this many days ahead (or past) puts the contract on the page. */
export const endingWithinDays = 30;

export interface EndingContract {
  id: string;
  code: string;
  /** Set for the owner when someone else supervises the contract. */
  supervisorName: string | null;
  plannedEndOn: LocalDate | null;
  agreed: number;
  used: number;
  upcoming: number;
}

export interface DueEvaluation {
  contractId: string;
  code: string;
  kind: EvaluationKind;
}

export interface TodayContracts {
  ending: EndingContract[];
  evaluationsDue: DueEvaluation[];
}

export async function todayContracts(
  { db, now }: DomainContext,
  actor: MemberActor,
): Promise<TodayContracts> {
  const c = contracts;
  const endLimit = addDays(helsinkiDate(now), endingWithinDays);
  const progress = progressColumns();
  const marked = db
    .select({
      list: jsonArray({
        evaluationKind: supervisionSessions.evaluationKind,
        startsAt: supervisionSessions.startsAt,
        status: supervisionSessions.status,
      }),
    })
    .from(supervisionSessions)
    .where(
      and(
        eq(supervisionSessions.contractId, c.id),
        eq(supervisionSessions.practiceId, c.practiceId),
        sql`${supervisionSessions.evaluationKind} is not null`,
      ),
    );
  // The kinds the actor has answered as supervisor; someone else's view is not theirs to add.
  const answered = db
    .select({ kinds: sql<EvaluationKind[]>`coalesce(array_agg(${evaluations.kind}), '{}')` })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.contractId, c.id),
        eq(evaluations.practiceId, c.practiceId),
        eq(evaluations.respondent, 'supervisor'),
        eq(evaluations.respondentUserId, actor.userId),
      ),
    );
  const rows = await db
    .select({
      id: c.id,
      code: c.code,
      supervisorId: c.supervisorId,
      supervisorName: users.name,
      plannedEndOn: c.plannedEndOn,
      agreed: c.sessionsAgreed,
      used: progress.used,
      upcoming: progress.upcoming,
      marked:
        subqueryValue<
          { evaluationKind: EvaluationKind; startsAt: string; status: SessionStatus }[]
        >(marked),
      answered: subqueryValue<EvaluationKind[]>(answered),
    })
    .from(c)
    .innerJoin(users, eq(users.id, c.supervisorId))
    .where(
      and(
        visibleContracts(actor),
        eq(c.status, 'active'),
        or(
          eq(c.supervisorId, actor.userId),
          lte(c.plannedEndOn, endLimit),
          sql`${c.sessionsAgreed} - ${progress.used} <= 1`,
        ),
      ),
    )
    .orderBy(asc(c.code));

  const result: TodayContracts = { ending: [], evaluationsDue: [] };
  for (const row of rows) {
    const nearEnd =
      (row.plannedEndOn !== null && row.plannedEndOn <= endLimit) || row.agreed - row.used <= 1;
    if (nearEnd) {
      result.ending.push({
        id: row.id,
        code: row.code,
        supervisorName: row.supervisorId === actor.userId ? null : row.supervisorName,
        plannedEndOn: row.plannedEndOn,
        agreed: row.agreed,
        used: row.used,
        upcoming: row.upcoming,
      });
    }
    if (row.supervisorId !== actor.userId) continue;
    const points = evaluationPoints(
      {
        status: 'active',
        sessionsAgreed: row.agreed,
        sessionsUsed: row.used,
        markedSessions: row.marked.map((m) => ({ ...m, startsAt: new Date(m.startsAt) })),
      },
      now,
    );
    // The latest point that is open: once it is answered, the earlier ones no longer nag.
    const latest = points.filter((point) => point.open).at(-1);
    if (latest && !row.answered.includes(latest.kind)) {
      result.evaluationsDue.push({ contractId: row.id, code: row.code, kind: latest.kind });
    }
  }
  return result;
}
