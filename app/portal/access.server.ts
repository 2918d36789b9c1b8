/**
 * Who may let a supervisee into the portal, and which practices a supervisee may enter
 * (docs/decisions/008, docs/decisions/010). A supervisee acts only on the client rows that
 * stand for them; every portal query is scoped by those ids and the practice.
 */
import { and, asc, type Column, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';

import type { Db } from '#db/client';
import {
  contractParticipants,
  contracts,
  portalAccess,
  practices,
  supervisionSessions,
} from '#db/schema';
import type { Actor, SuperviseeActor } from '~/practices/actor';

/**
 * The ids of the contracts the supervisee takes part in, as a subquery: the one rule every
 * portal query about contracts, sessions and what hangs on them goes through.
 */
function participatedContractIds(actor: SuperviseeActor) {
  return new QueryBuilder()
    .select({ id: contractParticipants.contractId })
    .from(contractParticipants)
    .where(
      and(
        eq(contractParticipants.practiceId, actor.practiceId),
        inArray(contractParticipants.clientId, [...actor.clientIds]),
      ),
    );
}

/** Contracts of the supervisee's practice they take part in (a condition on `contracts`). */
export function participatedContracts(actor: SuperviseeActor): SQL | undefined {
  return and(
    eq(contracts.practiceId, actor.practiceId),
    inArray(contracts.id, participatedContractIds(actor)),
  );
}

/**
 * The contracts the portal shows: those the supervisee takes part in, once agreed. A draft is
 * still being negotiated, so it is not the supervisee's contract yet (a condition on
 * `contracts`).
 */
export function agreedContracts(actor: SuperviseeActor): SQL | undefined {
  return and(participatedContracts(actor), ne(contracts.status, 'draft'));
}

/** Sessions of those contracts (a condition on `supervision_sessions`). */
export function participatedSessions(actor: SuperviseeActor): SQL | undefined {
  return and(
    eq(supervisionSessions.practiceId, actor.practiceId),
    inArray(supervisionSessions.contractId, participatedContractIds(actor)),
  );
}

/**
 * Inviting a client to the portal and revoking it: the practice owner, and the supervisors
 * of the client's contracts. A supervisee never (not even for themself).
 */
export function mayManagePortalAccess(
  actor: Actor,
  facts: { contractSupervisorIds: readonly string[] },
): boolean {
  if (actor.kind !== 'member') return false;
  return actor.role === 'owner' || facts.contractSupervisorIds.includes(actor.userId);
}

/** The supervisors of a client's contracts in the actor's practice. */
export async function clientSupervisorIds(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ supervisorId: contracts.supervisorId })
    .from(contractParticipants)
    .innerJoin(
      contracts,
      and(
        eq(contracts.id, contractParticipants.contractId),
        eq(contracts.practiceId, contractParticipants.practiceId),
      ),
    )
    .where(
      and(
        eq(contractParticipants.clientId, clientId),
        eq(contractParticipants.practiceId, practiceId),
      ),
    );
  return rows.map((r) => r.supervisorId);
}

export interface PortalPractice {
  practiceId: string;
  practiceName: string;
  /** How to reach the practice (its profile), shown on the portal's front page. */
  contactEmail: string | null;
  contactPhone: string | null;
  clientId: string;
}

/** The practices where the user has live portal access, oldest access first. */
export async function listPortalPractices(db: Db, userId: string): Promise<PortalPractice[]> {
  return db
    .select({
      practiceId: portalAccess.practiceId,
      practiceName: practices.name,
      contactEmail: practices.contactEmail,
      contactPhone: practices.contactPhone,
      clientId: portalAccess.clientId,
    })
    .from(portalAccess)
    .innerJoin(practices, eq(practices.id, portalAccess.practiceId))
    .where(and(eq(portalAccess.userId, userId), isNull(portalAccess.revokedAt)))
    .orderBy(asc(portalAccess.createdAt));
}

/**
 * The same list as `listPortalPractices`, as a column of another query: the session lookup
 * reads it with the session, so a portal page's guards need no query of their own.
 */
export function portalPracticesColumn(userId: Column): SQL<PortalPractice[]> {
  return sql<PortalPractice[]>`coalesce((
    select json_agg(
      json_build_object('practiceId', ${portalAccess.practiceId}, 'practiceName', ${practices.name},
        'contactEmail', ${practices.contactEmail}, 'contactPhone', ${practices.contactPhone},
        'clientId', ${portalAccess.clientId})
      order by ${portalAccess.createdAt})
    from ${portalAccess} join ${practices} on ${practices.id} = ${portalAccess.practiceId}
    where ${portalAccess.userId} = ${userId} and ${portalAccess.revokedAt} is null), '[]'::json)`;
}

/** Whether the user is a supervisee with live access in any practice. */
export async function hasPortalAccess(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: portalAccess.id })
    .from(portalAccess)
    .where(and(eq(portalAccess.userId, userId), isNull(portalAccess.revokedAt)))
    .limit(1);
  return Boolean(row);
}
