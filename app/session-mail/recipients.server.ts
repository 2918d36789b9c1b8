/**
 * What session mail is made of: the sessions with their place and supervisor, and the
 * supervisees to write to — the contract's participants that have an address on their
 * client row, whether or not they have a portal account. Queries run in the caller's
 * transaction and are scoped by practice on every join.
 */
import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';

import type { Db } from '#db/client';
import {
  clients,
  contractParticipants,
  contracts,
  practices,
  supervisionSessions,
  users,
} from '#db/schema';

import type { SessionMailFacts } from './templates';

export interface MailedSession extends SessionMailFacts {
  id: string;
  contractId: string;
  status: (typeof supervisionSessions.$inferSelect)['status'];
  icalSequence: number;
  supervisorEmail: string;
  reminderHoursBefore: number;
}

export interface Recipient {
  clientId: string;
  email: string;
}

export async function loadMailedSessions(
  tx: Db,
  practiceId: string,
  sessionIds: readonly string[],
): Promise<MailedSession[]> {
  if (sessionIds.length === 0) return [];
  const rows = await tx
    .select({
      id: supervisionSessions.id,
      contractId: supervisionSessions.contractId,
      status: supervisionSessions.status,
      startsAt: supervisionSessions.startsAt,
      endsAt: supervisionSessions.endsAt,
      icalSequence: supervisionSessions.icalSequence,
      sessionLocation: supervisionSessions.location,
      contractLocation: contracts.location,
      remoteLink: contracts.remoteLink,
      supervisorName: users.name,
      supervisorEmail: users.email,
      reminderHoursBefore: practices.reminderHoursBefore,
    })
    .from(supervisionSessions)
    .innerJoin(
      contracts,
      and(
        eq(contracts.id, supervisionSessions.contractId),
        eq(contracts.practiceId, supervisionSessions.practiceId),
      ),
    )
    .innerJoin(users, eq(users.id, supervisionSessions.supervisorId))
    .innerJoin(practices, eq(practices.id, supervisionSessions.practiceId))
    .where(
      and(
        eq(supervisionSessions.practiceId, practiceId),
        inArray(supervisionSessions.id, [...sessionIds]),
      ),
    );
  return rows.map(({ sessionLocation, contractLocation, ...row }) => ({
    ...row,
    // A session's own place overrides the contract's.
    place: sessionLocation ?? contractLocation,
  }));
}

const hasAddress = and(isNotNull(clients.email), ne(clients.email, ''));

/** The participants with an address, per contract. */
export async function participantRecipients(
  tx: Db,
  practiceId: string,
  contractIds: readonly string[],
): Promise<Map<string, Recipient[]>> {
  const byContract = new Map<string, Recipient[]>();
  if (contractIds.length === 0) return byContract;
  const rows = await tx
    .select({
      contractId: contractParticipants.contractId,
      clientId: clients.id,
      email: clients.email,
    })
    .from(contractParticipants)
    .innerJoin(
      clients,
      and(eq(clients.id, contractParticipants.clientId), eq(clients.practiceId, practiceId)),
    )
    .where(
      and(
        eq(contractParticipants.practiceId, practiceId),
        inArray(contractParticipants.contractId, [...new Set(contractIds)]),
        hasAddress,
      ),
    );
  for (const { contractId, clientId, email } of rows) {
    if (!email) continue;
    const list = byContract.get(contractId) ?? [];
    list.push({ clientId, email });
    byContract.set(contractId, list);
  }
  return byContract;
}

/** Named clients with an address (someone just added to or removed from a contract). */
export async function clientRecipients(
  tx: Db,
  practiceId: string,
  clientIds: readonly string[],
): Promise<Recipient[]> {
  if (clientIds.length === 0) return [];
  const rows = await tx
    .select({ clientId: clients.id, email: clients.email })
    .from(clients)
    .where(
      and(eq(clients.practiceId, practiceId), inArray(clients.id, [...clientIds]), hasAddress),
    );
  return rows.flatMap(({ clientId, email }) => (email ? [{ clientId, email }] : []));
}
