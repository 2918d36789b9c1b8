import type { Params } from './form.server';
import type { AccountData, Engine, RequestTrace } from './state.server';

/** What an endpoint gets: the account it acts for, its parameters and the ids in its path. */
export interface RequestContext {
  engine: Engine;
  /** The `Stripe-Account` header, or null for the platform itself. */
  accountId: string | null;
  data: AccountData;
  params: Params;
  ids: string[];
  trace: RequestTrace;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** A path with `:id` placeholders, e.g. `/v1/invoices/:id/finalize`. */
  path: string;
  /** Connect endpoints that only the platform may call (creating accounts and their links). */
  platformOnly?: boolean;
  handle(context: RequestContext): object;
}
