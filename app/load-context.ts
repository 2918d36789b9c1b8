import type { Db } from '#db/client';
import type { ValidatedSession } from '~/auth/session.server';
import type { Config } from '~/config.server';
import type { NoteKeyring } from '~/security/sealing.server';

/** What the HTTP server hands every loader and action (built in app/http/express-app.server.ts). */
export interface OhjaamoLoadContext {
  db: Db;
  config: Config;
  /** The client's address, from the socket or, with TRUST_PROXY, from X-Forwarded-For. */
  clientIp: string;
  /** The per-request nonce that the Content-Security-Policy allows scripts with. */
  cspNonce: string;
  /** The signed-in user's session, already validated (and renewed) by the server. */
  auth: ValidatedSession | null;
  /** Keys that seal note text and other confidential free text (docs/decisions/006). */
  keyring: NoteKeyring;
}

declare module '@remix-run/server-runtime' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends OhjaamoLoadContext {}
}
