import type Stripe from 'stripe';

import type { Clock } from './clock.server';
import { noSuch } from './errors.server';

export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';

/**
 * What the stand-in keeps of an invoice. Amounts are not stored: the presenter derives lines
 * and totals from the attached invoice items, which cannot change once the draft is final.
 */
export interface InvoiceRecord {
  id: string;
  created: number;
  customerId: string;
  status: InvoiceStatus;
  collectionMethod: 'charge_automatically' | 'send_invoice';
  dueDate: number | null;
  customFields: Stripe.Invoice.CustomField[] | null;
  footer: string | null;
  description: string | null;
  metadata: Record<string, string>;
  number: string | null;
  autoAdvance: boolean;
  currency: string;
  defaultTaxRateIds: string[];
  /** Invoice item ids in the order they were attached, each with its line item id. */
  lines: { itemId: string; lineId: string }[];
  transitions: Stripe.Invoice.StatusTransitions;
  amountPaid: number;
  paidOutOfBand: boolean;
  prePaymentCredit: number;
  postPaymentCredit: number;
  attemptCount: number;
  /** The customer's details as they were at finalisation (Stripe freezes them then). */
  customerAtFinalization: Stripe.Customer | null;
  /** Real time of creation, for the search lag switch. */
  createdAtMs: number;
}

/** Everything one account — the platform or a connected account — owns. */
export interface AccountData {
  customers: Map<string, Stripe.Customer>;
  taxRates: Map<string, Stripe.TaxRate>;
  invoiceItems: Map<string, Stripe.InvoiceItem>;
  invoices: Map<string, InvoiceRecord>;
  creditNotes: Map<string, Stripe.CreditNote>;
  /** Amount already credited per invoice line, so credit notes cannot exceed a line. */
  creditedPerLine: Map<string, number>;
}

export interface AccountLinkRecord {
  accountId: string;
  expiresAt: number;
  refreshUrl: string;
  returnUrl: string;
  used: boolean;
}

/** The object an event of this type carries, per the SDK (`invoice.paid` → Invoice). */
export type EventObject<T extends Stripe.Event.Type> = Extract<
  Stripe.Event,
  { type: T }
>['data']['object'];

/** Who made a request, as a Stripe event records it (`request.id`, `idempotency_key`). */
export interface RequestTrace {
  id: string;
  idempotencyKey: string | null;
}

/**
 * The stand-in's whole world and the few services every endpoint needs. `accountId` null is
 * the platform itself (a request without `Stripe-Account`).
 */
export interface Engine {
  clock: Clock;
  origin: string;
  platform: { account: Stripe.Account; data: AccountData };
  connected: Map<string, { account: Stripe.Account; data: AccountData }>;
  accountLinks: Map<string, AccountLinkRecord>;
  /** Emits a webhook event for a state change; the SDK's event types check the object. */
  emit<T extends Stripe.Event.Type>(
    accountId: string | null,
    type: T,
    object: EventObject<T>,
    request: RequestTrace | null,
  ): void;
  /** Search hides objects younger than this many ms (Stripe's search is not read-after-write). */
  searchLagMs: number;
}

export function emptyAccountData(): AccountData {
  return {
    customers: new Map(),
    taxRates: new Map(),
    invoiceItems: new Map(),
    invoices: new Map(),
    creditNotes: new Map(),
    creditedPerLine: new Map(),
  };
}

/** The data of the account a request acts for; an unknown connected account is a 404. */
export function dataOf(engine: Engine, accountId: string | null): AccountData {
  if (accountId === null) return engine.platform.data;
  const connected = engine.connected.get(accountId);
  if (!connected) throw noSuch('account', accountId);
  return connected.data;
}

/** Looks an object up in one account's map; what another account owns is simply not there. */
export function find<T>(map: Map<string, T>, kind: string, id: string, param = 'id'): T {
  const found = map.get(id);
  if (found === undefined) throw noSuch(kind, id, param);
  return found;
}
