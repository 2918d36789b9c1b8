/** Reading sessions and the contracts they can be booked on. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

import type { Db } from '#db/client';
import {
  clients,
  contractParticipants,
  contracts,
  sessionAttendance,
  sessionChanges,
  supervisionSessions,
  users,
} from '#db/schema';
import {
  participantClient,
  supervisedContracts,
  visibleContracts,
} from '~/contracts/access.server';
import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';

import { loadOwnSession } from './access.server';
import { extraIfCounted } from './allowance.server';

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

/**
 * A session with its contract, participants, attendance and history, for its supervisor, and
 * whether a correction that makes it count again would take it past the allowance.
 */
export async function getSession({ db }: DomainContext, actor: MemberActor, sessionId: string) {
  const { session, contract } = await loadOwnSession(db, actor, sessionId);
  const [participants, attendance, history] = await Promise.all([
    db
      .select({ id: clients.id, name: clients.name })
      .from(contractParticipants)
      .innerJoin(clients, participantClient)
      .where(
        and(
          eq(contractParticipants.contractId, contract.id),
          eq(contractParticipants.practiceId, actor.practiceId),
        ),
      )
      .orderBy(asc(clients.name)),
    db
      .select({ clientId: sessionAttendance.clientId, attended: sessionAttendance.attended })
      .from(sessionAttendance)
      .where(
        and(
          eq(sessionAttendance.sessionId, session.id),
          eq(sessionAttendance.practiceId, actor.practiceId),
        ),
      ),
    db
      .select({
        id: sessionChanges.id,
        kind: sessionChanges.kind,
        at: sessionChanges.createdAt,
        by: users.name,
        previousStartsAt: sessionChanges.previousStartsAt,
        newStartsAt: sessionChanges.newStartsAt,
        newEndsAt: sessionChanges.newEndsAt,
        previousStatus: sessionChanges.previousStatus,
        newStatus: sessionChanges.newStatus,
      })
      .from(sessionChanges)
      .leftJoin(users, eq(users.id, sessionChanges.changedBy))
      .where(
        and(
          eq(sessionChanges.sessionId, session.id),
          eq(sessionChanges.practiceId, actor.practiceId),
        ),
      )
      .orderBy(asc(sessionChanges.createdAt), asc(sessionChanges.id)),
  ]);
  const attendedById = new Map(attendance.map((row) => [row.clientId, row.attended]));
  return {
    session,
    contract,
    /** Set when correcting this session to an outcome that counts would make it extra. */
    pastAllowanceIfCounted: await extraIfCounted(db, actor, contract, session),
    participants: participants.map((p) => ({ ...p, attended: attendedById.get(p.id) ?? null })),
    history,
  };
}

export type SessionView = Awaited<ReturnType<typeof getSession>>;

/** The actor's active contracts, for the booking form: code, participants, default length. */
export function listBookableContracts({ db }: DomainContext, actor: MemberActor) {
  return db
    .select({
      id: contracts.id,
      code: contracts.code,
      sessionMinutes: contracts.sessionMinutes,
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
