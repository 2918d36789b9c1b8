/**
 * What the practice owner's Today page adds: supervisees without a contract in progress, and
 * the sessions of past months that are ready to invoice. Owner only; a supervisor gets null.
 */
import { and, asc, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';

import { clients, contractParticipants, contracts, supervisionSessions } from '#db/schema';
import { mayManageBilling } from '~/billing/access.server';
import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';
import { helsinkiDate, helsinkiInstant } from '~/time/helsinki';

/** How many unassigned supervisees the page names; the rest are counted. */
export const unassignedShown = 10;

export interface TodayPractice {
  unassigned: { id: string; name: string }[];
  unassignedCount: number;
  /** Charged sessions before this month that no invoice holds yet. */
  readyToInvoice: number;
}

export async function todayPractice(
  { db, now }: DomainContext,
  actor: MemberActor,
): Promise<TodayPractice | null> {
  if (!mayManageBilling(actor)) return null;
  const inProgress = db
    .select({ one: sql`1` })
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
        eq(contractParticipants.clientId, clients.id),
        eq(contractParticipants.practiceId, clients.practiceId),
        inArray(contracts.status, ['draft', 'active']),
      ),
    );
  const s = supervisionSessions;
  // Invoice runs bill whole months, so this month's sessions are not ready yet.
  const monthStart = helsinkiInstant(`${helsinkiDate(now).slice(0, 8)}01`);
  const readyToInvoice = db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(s)
    .where(
      and(
        eq(s.practiceId, actor.practiceId),
        lt(s.startsAt, monthStart),
        ne(s.status, 'scheduled'),
        eq(s.chargeable, true),
        isNull(s.chargeWaivedReason),
        isNull(s.invoicedAt),
      ),
    );
  const [unassigned, [ready]] = await Promise.all([
    db
      .select({
        id: clients.id,
        name: clients.name,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(clients)
      .where(
        and(
          eq(clients.practiceId, actor.practiceId),
          isNull(clients.archivedAt),
          sql`not exists (${inProgress})`,
        ),
      )
      .orderBy(asc(clients.name), asc(clients.id))
      .limit(unassignedShown),
    readyToInvoice,
  ]);
  return {
    unassigned: unassigned.map(({ id, name }) => ({ id, name })),
    unassignedCount: unassigned[0]?.total ?? 0,
    readyToInvoice: ready?.n ?? 0,
  };
}
