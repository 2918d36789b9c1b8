/**
 * Everything the staff client page shows, in four queries however long the client's history:
 * the client with the supervisors of their contracts and their portal access (one row), then
 * their contracts, their latest sessions and the feedback rounds they shared. Each section
 * keeps its own access rule; the supervisors are read once and handed to the rules that ask.
 */
import { listClientContracts } from '~/contracts/client-contracts.server';
import type { DomainContext } from '~/domain/context';
import { listSharedRounds } from '~/feedback/shared-rounds.server';
import { mayManagePortalAccess } from '~/portal/access.server';
import { portalAccessOfClient, portalAccessStateOf } from '~/portal/portal-access.server';
import type { MemberActor } from '~/practices/actor';
import { listClientSessions } from '~/sessions/queries.server';

import { readClient } from './clients.server';

export async function getClientPage(ctx: DomainContext, actor: MemberActor, clientId: string) {
  const { client, facts, extra } = await readClient(
    ctx,
    actor,
    clientId,
    portalAccessOfClient(ctx.now),
  );
  const [contracts, sessions, sharedFeedback] = await Promise.all([
    listClientContracts(ctx, actor, clientId),
    listClientSessions(ctx, actor, clientId),
    listSharedRounds(ctx, actor, clientId, facts),
  ]);
  const portal = {
    access: portalAccessStateOf(extra),
    mayManage: mayManagePortalAccess(actor, facts),
  };
  return { client, contracts, sessions, portal, sharedFeedback };
}
