/**
 * A member's Today page: their sessions of today and the coming week, what waits for them,
 * and for the practice owner what the practice needs, with the new practice's setup checklist
 * while a step of it is left. A fixed number of queries (two, and three more for the owner),
 * whatever the size of the practice.
 */
import type { DomainContext } from '~/domain/context';
import { getSetupChecklist } from '~/onboarding/checklist.server';
import type { MemberActor } from '~/practices/actor';

import { todayContracts } from './today-contracts.server';
import { todayPractice } from './today-practice.server';
import { todaySessions } from './today-sessions.server';

export async function getToday(ctx: DomainContext, actor: MemberActor) {
  const [sessions, contracts, practice, setup] = await Promise.all([
    todaySessions(ctx, actor),
    todayContracts(ctx, actor),
    todayPractice(ctx, actor),
    getSetupChecklist(ctx, actor),
  ]);
  return { ...sessions, ...contracts, practice, setup };
}

export type TodayView = Awaited<ReturnType<typeof getToday>>;
