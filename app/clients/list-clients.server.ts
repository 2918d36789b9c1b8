import { and, asc, eq, isNull } from 'drizzle-orm';

import type { Db } from '#db/client';
import { clients } from '#db/schema';
import type { Actor } from '~/practices/actor';

/** The practice's active clients, by name. */
export function listClients(db: Db, actor: Actor) {
  return db
    .select({
      id: clients.id,
      name: clients.name,
      title: clients.title,
      organisation: clients.organisation,
    })
    .from(clients)
    .where(and(eq(clients.practiceId, actor.practiceId), isNull(clients.archivedAt)))
    .orderBy(asc(clients.name));
}
