/**
 * A member's Today page: their sessions of today and the coming week, what waits for them,
 * and for the practice owner what the practice needs. A fixed number of queries (two, and two
 * more for the owner), whatever the size of the practice.
 */
import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';

import { todayContracts } from './today-contracts.server';
import { todayPractice } from './today-practice.server';
import { todaySessions } from './today-sessions.server';

export async function getToday(ctx: DomainContext, actor: MemberActor) {
  const [sessions, contracts, practice] = await Promise.all([
    todaySessions(ctx, actor),
    todayContracts(ctx, actor),
    todayPractice(ctx, actor),
  ]);
  return { ...sessions, ...contracts, practice };
}

export type TodayView = Awaited<ReturnType<typeof getToday>>;
