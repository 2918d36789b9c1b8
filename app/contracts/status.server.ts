/** A contract's life: draft → active → ended. */
import { and, eq } from 'drizzle-orm';

import { contracts } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import { lockVisibleContract } from './access.server';

/** Puts a draft in force; from then on its sessions can be booked. */
export async function activateContract({ db, now }: DomainContext, actor: MemberActor, id: string) {
  await db.transaction(async (tx) => {
    const current = await lockVisibleContract(tx, actor, id);
    if (current.status !== 'draft') throw new AppError('conflict', 'contracts.wrongStatus');
    await tx
      .update(contracts)
      .set({ status: 'active', activatedAt: now })
      .where(and(eq(contracts.id, id), eq(contracts.practiceId, actor.practiceId)));
  });
}

/** Closes an active process; its retention period runs from `endedAt`. */
export async function endContract({ db, now }: DomainContext, actor: MemberActor, id: string) {
  await db.transaction(async (tx) => {
    const current = await lockVisibleContract(tx, actor, id);
    if (current.status !== 'active') throw new AppError('conflict', 'contracts.wrongStatus');
    await tx
      .update(contracts)
      .set({ status: 'ended', endedAt: now })
      .where(and(eq(contracts.id, id), eq(contracts.practiceId, actor.practiceId)));
  });
}
