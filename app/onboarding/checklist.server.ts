import { sql } from 'drizzle-orm';

import { queryRows } from '#db/client';
import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';

import { SETUP_STEPS, type SetupChecklist, type SetupStep } from './steps';

/**
 * The new practice's setup checklist, for its owner: which steps are done, read in one
 * statement (each an EXISTS on an index that starts with the practice, or the owner's own
 * calendar feeds). A step counts as done while what it made exists: the practice details an
 * invoice needs (the same as app/billing/invoicing-details.server.ts requires), another member
 * or an invitation, a commissioner, a client, a contract, a session, a calendar feed ever made
 * (revoking it later does not undo the step). Null for a supervisor, whose practice someone
 * else set up, and once every step is done.
 */
export async function getSetupChecklist(
  { db }: DomainContext,
  actor: MemberActor,
): Promise<SetupChecklist | null> {
  if (actor.role !== 'owner') return null;
  const [row] = await queryRows<Record<SetupStep, boolean>>(
    db,
    sql`
      select
        (p.legal_name is not null and p.street_address is not null and p.postal_code is not null
          and p.city is not null and p.business_id is not null and p.iban is not null) as practice,
        (exists (select 1 from memberships m
                  where m.practice_id = p.id and m.user_id <> ${actor.userId})
          or exists (select 1 from invitations i where i.practice_id = p.id)) as member,
        exists (select 1 from commissioners c where c.practice_id = p.id) as commissioner,
        exists (select 1 from clients c where c.practice_id = p.id) as client,
        exists (select 1 from contracts c where c.practice_id = p.id) as contract,
        exists (select 1 from supervision_sessions s where s.practice_id = p.id) as session,
        exists (select 1 from calendar_feeds f
                 where f.user_id = ${actor.userId} and f.practice_id = p.id) as feed
      from practices p
      where p.id = ${actor.practiceId}`,
  );
  if (!row) return null;
  const steps = SETUP_STEPS.map((step) => ({ step, done: row[step] === true }));
  return steps.every((s) => s.done) ? null : { steps };
}
