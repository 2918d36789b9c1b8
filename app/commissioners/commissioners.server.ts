import { and, asc, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';

import { containsPattern } from '#db/like';
import { commissioners } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import type { CommissionerInput } from './schemas';

export interface ListFilter {
  q?: string;
  status: 'active' | 'archived';
}

export function listCommissioners({ db }: DomainContext, actor: MemberActor, filter: ListFilter) {
  const conditions: (SQL | undefined)[] = [
    eq(commissioners.practiceId, actor.practiceId),
    filter.status === 'archived'
      ? isNotNull(commissioners.archivedAt)
      : isNull(commissioners.archivedAt),
  ];
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(
      or(
        ilike(commissioners.name, pattern),
        ilike(commissioners.businessId, pattern),
        ilike(commissioners.city, pattern),
      ),
    );
  }
  return db
    .select()
    .from(commissioners)
    .where(and(...conditions))
    .orderBy(asc(commissioners.name));
}

export async function getCommissioner({ db }: DomainContext, actor: MemberActor, id: string) {
  const [row] = await db
    .select()
    .from(commissioners)
    .where(and(eq(commissioners.id, id), eq(commissioners.practiceId, actor.practiceId)));
  if (!row) throw new AppError('not_found');
  return row;
}

export async function createCommissioner(
  { db }: DomainContext,
  actor: MemberActor,
  input: CommissionerInput,
): Promise<string> {
  const [row] = await db
    .insert(commissioners)
    .values({ ...input, practiceId: actor.practiceId })
    .returning({ id: commissioners.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function updateCommissioner(
  { db }: DomainContext,
  actor: MemberActor,
  id: string,
  input: CommissionerInput,
): Promise<void> {
  const updated = await db
    .update(commissioners)
    .set(input)
    .where(and(eq(commissioners.id, id), eq(commissioners.practiceId, actor.practiceId)))
    .returning({ id: commissioners.id });
  if (updated.length === 0) throw new AppError('not_found');
}

/** Archiving keeps the row (contracts and invoices refer to it) but lists it apart. */
export async function setCommissionerArchived(
  { db, now }: DomainContext,
  actor: MemberActor,
  id: string,
  archived: boolean,
): Promise<void> {
  const updated = await db
    .update(commissioners)
    .set({ archivedAt: archived ? now : null })
    .where(and(eq(commissioners.id, id), eq(commissioners.practiceId, actor.practiceId)))
    .returning({ id: commissioners.id });
  if (updated.length === 0) throw new AppError('not_found');
}
