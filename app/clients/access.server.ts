/**
 * Who may read and change a client and their background (docs/decisions/008). The client's
 * contact details are the practice's; the background is confidential free text.
 */
import { and, eq } from 'drizzle-orm';

import type { Db } from '#db/client';
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
 * A client of the actor's practice (every member may see and edit the contact details),
 * with what the background rule needs. `lock` holds the row until the transaction ends.
 */
export async function loadClient(
  db: Db,
  actor: MemberActor,
  clientId: string,
  { lock = false } = {},
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
    })
    .from(clients)
    .where(and(eq(clients.id, clientId), eq(clients.practiceId, actor.practiceId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found');
  const supervisors = await db
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
        eq(contractParticipants.practiceId, actor.practiceId),
      ),
    );
  const backgroundAccess = mayUseBackground(actor, {
    authorId: row.backgroundAuthorId,
    contractSupervisorIds: supervisors.map((s) => s.supervisorId),
  });
  return { ...row, backgroundAccess };
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
