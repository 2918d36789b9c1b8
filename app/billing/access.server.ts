/**
 * Who may do what with the practice's billing (docs/decisions/008). Billing is the owner's:
 * they invoice every contract of the practice, keep the details every invoice carries and
 * the account it is paid to. A supervisor invoices nothing and changes none of it; a
 * supervisee never reaches billing at all.
 */
import { AppError } from '~/errors';
import type { Actor } from '~/practices/actor';

/** Invoicing details, invoice runs, the Stripe connection: the practice's owner. */
export function mayManageBilling(actor: Actor): boolean {
  return actor.kind === 'member' && actor.role === 'owner';
}

/** Forbidden, not not-found: every member knows the practice invoices, only the owner acts. */
export function assertMayManageBilling(actor: Actor): void {
  if (!mayManageBilling(actor)) throw new AppError('forbidden');
}
