/** The owner sends a pending invoice again: the push goes on from where it stopped. */
import type Stripe from 'stripe';

import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';

import { assertMayManageBilling } from './access.server';
import { pushInvoice, type PushOutcome } from './push-invoice.server';

export async function sendInvoiceAgain(
  ctx: DomainContext,
  actor: MemberActor,
  stripe: Stripe,
  invoiceId: string,
): Promise<PushOutcome> {
  assertMayManageBilling(actor);
  return pushInvoice(ctx, stripe, invoiceId, actor.practiceId);
}
