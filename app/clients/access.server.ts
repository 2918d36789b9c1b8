/**
 * Who may read and change a client and their background (docs/decisions/008). The client's
 * contact details are the practice's; the background is confidential free text.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import { qualified } from '#db/qualified';
import { clientBackgroundAuditLog, clients, contractParticipants, contracts } from '#db/schema';
import { AppError } from '~/errors';
import type { Actor, MemberActor } from '~/practices/actor';

/**
 * The background: its author and the supervisors of the client's contracts, nobody else —
 * an owner only as one of those. A supervisee never: it is written about them, for the work.
 */
export function mayUseBackground(
  actor: Actor,
  facts: { authorId: string | null; contractSupervisorIds: readonly string[] },
): boolean {
  if (actor.kind !== 'member') return false;
  return facts.authorId === actor.userId || facts.contractSupervisorIds.includes(actor.userId);
}

/**
 * The supervisors of the row's client's contracts, as an array column of a query on
 * `clients`: the fact the background rule (and the portal's) asks for.
 */
export const contractSupervisorIdsOfClient = sql<string[]>`array(
  select distinct ${qualified(contracts.supervisorId)}::text
  from ${contractParticipants} inner join ${contracts} on ${and(
    eq(contracts.id, contractParticipants.contractId),
    eq(contracts.practiceId, contractParticipants.practiceId),
  )}
  where ${and(
    eq(contractParticipants.clientId, clients.id),
    eq(contractParticipants.practiceId, clients.practiceId),
  )})`;

/**
 * A client of the actor's practice (every member may see and edit the contact details),
 * with what the background rule needs, in one query. `lock` holds the row until the
 * transaction ends; `extra` is one more column of the same row, so that a page reads the
 * client and what it shows beside it at once.
 */
export async function loadClient<Extra = null>(
  db: Db,
  actor: MemberActor,
  clientId: string,
  { lock = false, extra }: { lock?: boolean; extra?: SQL<Extra> } = {},
) {
  const query = db
    .select({
      client: {
        id: clients.id,
        name: clients.name,
        email: clients.email,
        phone: clients.phone,
        title: clients.title,
        organisation: clients.organisation,
        streetAddress: clients.streetAddress,
        postalCode: clients.postalCode,
        city: clients.city,
        archivedAt: clients.archivedAt,
        createdAt: clients.createdAt,
        updatedAt: clients.updatedAt,
      },
      backgroundEncrypted: clients.backgroundEncrypted,
      backgroundAuthorId: clients.backgroundAuthorId,
      contractSupervisorIds: contractSupervisorIdsOfClient,
      extra: extra ?? sql<null>`null`,
    })
    .from(clients)
    .where(and(eq(clients.id, clientId), eq(clients.practiceId, actor.practiceId)));
  const [row] = lock ? await query.for('update', { of: clients }) : await query;
  if (!row) throw new AppError('not_found');
  const backgroundAccess = mayUseBackground(actor, {
    authorId: row.backgroundAuthorId,
    contractSupervisorIds: row.contractSupervisorIds,
  });
  return { ...row, extra: row.extra as Extra, backgroundAccess };
}

/** Records who read or changed a client's background — never what it says. */
export async function recordBackgroundAccess(
  db: Db,
  actor: MemberActor,
  clientId: string,
  action: (typeof clientBackgroundAuditLog.$inferInsert)['action'],
  now = new Date(),
): Promise<void> {
  await db.insert(clientBackgroundAuditLog).values({
    practiceId: actor.practiceId,
    clientId,
    actorId: actor.userId,
    action,
    createdAt: now,
  });
}
