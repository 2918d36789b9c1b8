import { and, asc, count, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';

import { containsPattern } from '#db/like';
import { type Page, pageWindow } from '#db/paging';
import { commissioners } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import type { CommissionerInput } from './schemas';

export interface ListFilter {
  q?: string;
  status: 'active' | 'archived';
  /** 1-based; a page past the end reads as the first. */
  page?: number;
}

export interface CommissionerListRow {
  id: string;
  name: string;
  businessId: string;
  city: string | null;
}

/**
 * One page of the practice's commissioners, by name. Two queries whatever the practice's
 * size: the count, then the page, both on `commissioners_practice_name_idx`. The search
 * (name, business ID, town; % and _ taken literally) reads every commissioner of the
 * practice, as the client search does: a practice has some hundreds at most.
 */
export async function listCommissioners(
  { db }: DomainContext,
  actor: MemberActor,
  filter: ListFilter,
): Promise<Page<CommissionerListRow>> {
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
  const where = and(...conditions);
  const [counted] = await db.select({ total: count() }).from(commissioners).where(where);
  const { offset, limit, ...window } = pageWindow(filter.page ?? 1, counted?.total ?? 0);
  const rows = await db
    .select({
      id: commissioners.id,
      name: commissioners.name,
      businessId: commissioners.businessId,
      city: commissioners.city,
    })
    .from(commissioners)
    .where(where)
    // Names repeat; the id keeps the order, and so the pages, the same from one request to the next.
    .orderBy(asc(commissioners.name), asc(commissioners.id))
    .limit(limit)
    .offset(offset);
  return { rows, ...window };
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
