/** What the sessions tests share: a fixed "now", and short ways to book and read back. */
import { eq } from 'drizzle-orm';

import type { Db } from '#db/client';
import { clients, contractParticipants, supervisionSessions } from '#db/schema';
import { testContext } from '#db/testing/context';
import { createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import { bookSession } from './booking.server';

// Monday 16.11.2026 at 12.00 Helsinki time.
export const now = new Date('2026-11-16T10:00:00Z');
export const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);

export async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

export function sessionFixtures(db: () => Db) {
  return {
    /** A new practice whose owner supervises one active contract. */
    async supervisorWithContract(overrides: Parameters<typeof createContractFixture>[2] = {}) {
      const { owner } = await createPracticeWithOwner(db());
      const { contractId, clientId } = await createContractFixture(db(), owner, overrides);
      return { actor: owner, contractId, clientId };
    },
    book(actor: MemberActor, contractId: string, startsAt: Date, minutes?: number) {
      return bookSession(testContext(db(), now), actor, {
        contractId,
        startsAt,
        minutes,
        confirmPast: false,
      });
    },
    async loadSession(id: string) {
      const [row] = await db()
        .select()
        .from(supervisionSessions)
        .where(eq(supervisionSessions.id, id));
      if (!row) throw new Error('no such session');
      return row;
    },
  };
}

/** A group contract of the actor's practice with two participants: Maria Lehtonen and Olli Aho. */
export async function groupContract(
  db: Db,
  actor: MemberActor,
  overrides: Parameters<typeof createContractFixture>[2] = {},
) {
  const { contractId, clientId: maria } = await createContractFixture(db, actor, {
    form: 'group',
    ...overrides,
  });
  const [client] = await db
    .insert(clients)
    .values({ practiceId: actor.practiceId, name: 'Olli Aho', organisation: 'Kuopio' })
    .returning({ id: clients.id });
  if (!client) throw new Error('insert returned no row');
  await db
    .insert(contractParticipants)
    .values({ contractId, clientId: client.id, practiceId: actor.practiceId });
  return { contractId, maria, olli: client.id };
}
