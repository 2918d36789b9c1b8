import { and, eq, like } from 'drizzle-orm';

import { contracts } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';
import { timeZone } from '~/time/helsinki';

/** The next free code of the year in Finnish time, TO-2026-007, for the new-contract form. */
export async function suggestContractCode(
  { db, now }: DomainContext,
  actor: MemberActor,
): Promise<string> {
  const year = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(now);
  const prefix = `TO-${year}-`;
  const rows = await db
    .select({ code: contracts.code })
    .from(contracts)
    .where(and(eq(contracts.practiceId, actor.practiceId), like(contracts.code, `${prefix}%`)));
  const highest = rows.reduce((max, { code }) => {
    const match = /^TO-\d{4}-(\d+)$/.exec(code);
    return match ? Math.max(max, Number(match[1])) : max;
  }, 0);
  return `${prefix}${String(highest + 1).padStart(3, '0')}`;
}
