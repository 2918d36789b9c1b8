/** Reading sessions and the contracts they can be booked on. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

import type { Db } from '#db/client';
import { jsonArray, subqueryValue, toDate } from '#db/json';
import {
  clients,
  contractParticipants,
  contracts,
  sessionAttendance,
  sessionChanges,
  type SessionStatus,
  supervisionSessions,
  users,
} from '#db/schema';
import {
  participantClient,
  supervisedContracts,
  visibleContracts,
} from '~/contracts/access.server';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import { contractRules, sessionsContract, supervisedSessions } from './access.server';
import { othersCountedIfNotCounting, pastAllowance } from './allowance.server';

/**
 * The names of a contract's participants, "A, B", as a correlated subquery. Built with the
 * query builder so its columns stay qualified: inside a raw fragment Drizzle drops the table
 * name of a single-table query, and "id" would then mean the client's id.
 */
export function participantNamesOf(db: Db, contractId: AnyPgColumn) {
  const names = db
    .select({ names: sql<string>`string_agg(${clients.name}, ', ' order by ${clients.name})` })
    .from(contractParticipants)
    .innerJoin(clients, participantClient)
    .where(eq(contractParticipants.contractId, contractId));
  return sql<string>`coalesce((${names}), '')`;
}

/** A participant of the session's contract, and whether they attended (null: not recorded). */
export interface SessionParticipant {
  id: string;
  name: string;
  attended: boolean | null;
}

/**
 * A session with its contract, participants, attendance and history, for its supervisor, and
 * whether a correction that makes it count again would take it past the allowance. One
 * query: the access rule picks the session row (loadOwnSession's), and the lists come with
 * it as JSON, so nothing is read about a session the actor may not see.
 */
export async function getSession({ db }: DomainContext, actor: MemberActor, sessionId: string) {
  const s = supervisionSessions;
  const participants = db
    .select({
      list: jsonArray(
        { id: clients.id, name: clients.name, attended: sessionAttendance.attended },
        [clients.name, clients.id],
      ),
    })
    .from(contractParticipants)
    .innerJoin(clients, participantClient)
    .leftJoin(
      sessionAttendance,
      and(
        eq(sessionAttendance.sessionId, s.id),
        eq(sessionAttendance.clientId, clients.id),
        eq(sessionAttendance.practiceId, actor.practiceId),
      ),
    )
    .where(
      and(
        eq(contractParticipants.contractId, s.contractId),
        eq(contractParticipants.practiceId, actor.practiceId),
      ),
    );
  const history = db
    .select({
      list: jsonArray(
        {
          id: sessionChanges.id,
          kind: sessionChanges.kind,
          at: sessionChanges.createdAt,
          by: users.name,
          previousStartsAt: sessionChanges.previousStartsAt,
          newStartsAt: sessionChanges.newStartsAt,
          newEndsAt: sessionChanges.newEndsAt,
          previousStatus: sessionChanges.previousStatus,
          newStatus: sessionChanges.newStatus,
        },
        [sessionChanges.createdAt, sessionChanges.id],
      ),
    })
    .from(sessionChanges)
    .leftJoin(users, eq(users.id, sessionChanges.changedBy))
    .where(
      and(eq(sessionChanges.sessionId, s.id), eq(sessionChanges.practiceId, actor.practiceId)),
    );
  const [row] = await db
    .select({
      session: s,
      contract: contractRules,
      participants: subqueryValue<SessionParticipant[]>(participants),
      history: subqueryValue<HistoryRow[]>(history),
      othersCounted: othersCountedIfNotCounting(db, actor),
    })
    .from(s)
    .innerJoin(contracts, sessionsContract)
    .where(and(eq(s.id, sessionId), supervisedSessions(actor)));
  if (!row) throw new AppError('not_found');
  const { session, contract } = row;
  return {
    session,
    contract,
    /** Set when correcting this session to an outcome that counts would make it extra. */
    pastAllowanceIfCounted: pastAllowance(contract, row.othersCounted),
    participants: row.participants,
    history: row.history.map((change) => ({
      ...change,
      at: toDate(change.at),
      previousStartsAt: toDate(change.previousStartsAt),
      newStartsAt: toDate(change.newStartsAt),
      newEndsAt: toDate(change.newEndsAt),
    })),
  };
}

/** A change in the session's history as it comes through JSON (times as ISO strings). */
interface HistoryRow {
  id: string;
  kind: (typeof sessionChanges.$inferSelect)['kind'];
  at: string;
  by: string | null;
  previousStartsAt: string | null;
  newStartsAt: string | null;
  newEndsAt: string | null;
  previousStatus: SessionStatus | null;
  newStatus: SessionStatus | null;
}

export type SessionView = Awaited<ReturnType<typeof getSession>>;

/** The actor's active contracts, for the booking form: code, participants, default length. */
export function listBookableContracts({ db }: DomainContext, actor: MemberActor) {
  return db
    .select({
      id: contracts.id,
      code: contracts.code,
      sessionMinutes: contracts.sessionMinutes,
      rhythmWeeks: contracts.rhythmWeeks,
      participantNames: participantNamesOf(db, contracts.id),
    })
    .from(contracts)
    .where(and(supervisedContracts(actor), eq(contracts.status, 'active')))
    .orderBy(asc(contracts.code));
}

/**
 * A supervisee's sessions, newest first, from the contracts the actor may see (an owner all
 * of the practice's, a supervisor their own). Times and states only: no note content.
 */
export function listClientSessions(
  { db }: DomainContext,
  actor: MemberActor,
  clientId: string,
  limit = 50,
) {
  return db
    .select({
      id: supervisionSessions.id,
      startsAt: supervisionSessions.startsAt,
      endsAt: supervisionSessions.endsAt,
      status: supervisionSessions.status,
      contractId: contracts.id,
      contractCode: contracts.code,
      ownSession: sql<boolean>`${supervisionSessions.supervisorId} = ${actor.userId}`,
    })
    .from(supervisionSessions)
    .innerJoin(contracts, eq(contracts.id, supervisionSessions.contractId))
    .where(
      and(
        visibleContracts(actor),
        inArray(
          supervisionSessions.contractId,
          db
            .select({ id: contractParticipants.contractId })
            .from(contractParticipants)
            .where(
              and(
                eq(contractParticipants.clientId, clientId),
                eq(contractParticipants.practiceId, actor.practiceId),
              ),
            ),
        ),
      ),
    )
    .orderBy(desc(supervisionSessions.startsAt))
    .limit(limit);
}
