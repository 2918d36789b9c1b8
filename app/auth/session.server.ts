/**
 * Log-in sessions in Lucia's design, written directly on node:crypto (see
 * docs/decisions/002-sessions-without-lucia.md).
 *
 * The cookie carries `<id>.<secret>`. The database keeps the id and the SHA-256 of the
 * secret; validation looks the row up by id and compares hashes in constant time.
 */
import { and, eq, ne, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import { type AuthSession, authSessions, type User, users } from '#db/schema';
import { type PortalPractice, portalPracticesColumn } from '~/portal/access.server';
import { membershipsColumn, type PracticeMembership } from '~/practices/memberships.server';
import { digestsEqual, generateToken, sha256Hex } from '~/security/tokens.server';

export const SESSION_COOKIE = 'ohjaamo_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
/** A session used within its last 15 days is extended to a full 30 again (sliding expiry). */
const RENEW_WHEN_LEFT_MS = 15 * DAY;

export interface ValidatedSession {
  session: AuthSession;
  user: User;
  /** True when the expiry moved: the cookie must be sent again with the new date. */
  renewed: boolean;
  /**
   * The user's practices as they stood when the session was read (same query), or null when
   * not asked for: a request that may change them (a POST) has its guards read them afresh.
   */
  memberships: PracticeMembership[] | null;
  /** Likewise the practices where the user is a supervisee with live portal access. */
  portalPractices: PortalPractice[] | null;
}

export async function createSession(
  db: Db,
  userId: string,
  now = new Date(),
  options: { twoFactorSetupRequired?: boolean } = {},
): Promise<{ token: string; session: AuthSession }> {
  const id = generateToken();
  const secret = generateToken();
  const [session] = await db
    .insert(authSessions)
    .values({
      id,
      secretHash: sha256Hex(secret),
      userId,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
      twoFactorSetupRequired: options.twoFactorSetupRequired ?? false,
    })
    .returning();
  if (!session) throw new Error('session insert returned no row');
  return { token: `${id}.${secret}`, session };
}

export async function validateSessionToken(
  db: Db,
  token: string,
  now = new Date(),
  options: { withAccess?: boolean } = {},
): Promise<ValidatedSession | null> {
  const [id, secret, ...rest] = token.split('.');
  if (!id || !secret || rest.length > 0) return null;
  const [row] = await sessionLookup(db, options.withAccess ?? false).execute({ id });
  if (!row || !digestsEqual(row.session.secretHash, sha256Hex(secret))) return null;
  if (row.session.expiresAt.getTime() <= now.getTime()) {
    await db.delete(authSessions).where(eq(authSessions.id, id));
    return null;
  }
  if (row.session.expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS) {
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await db.update(authSessions).set({ expiresAt }).where(eq(authSessions.id, id));
    return { ...row, session: { ...row.session, expiresAt }, renewed: true };
  }
  return { ...row, renewed: false };
}

/**
 * The session row with its user (and, for a page read, the user's practices), by id. Every
 * request runs it, so it is built once per database and only executed after that: building
 * the SQL of this select anew cost more than sending it.
 */
function prepareSessionLookup(db: Db, withAccess: boolean) {
  return db
    .select({
      session: authSessions,
      user: users,
      memberships: withAccess
        ? membershipsColumn(users.id)
        : sql<PracticeMembership[] | null>`null`,
      portalPractices: withAccess
        ? portalPracticesColumn(users.id)
        : sql<PortalPractice[] | null>`null`,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(eq(authSessions.id, sql.placeholder('id')))
    .limit(1)
    .prepare(withAccess ? 'session_lookup_with_access' : 'session_lookup');
}

type SessionLookup = ReturnType<typeof prepareSessionLookup>;
const sessionLookups = new WeakMap<Db, { withAccess: SessionLookup; plain: SessionLookup }>();

function sessionLookup(db: Db, withAccess: boolean): SessionLookup {
  let prepared = sessionLookups.get(db);
  if (!prepared) {
    prepared = {
      withAccess: prepareSessionLookup(db, true),
      plain: prepareSessionLookup(db, false),
    };
    sessionLookups.set(db, prepared);
  }
  return withAccess ? prepared.withAccess : prepared.plain;
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(authSessions).where(eq(authSessions.id, sessionId));
}

/** Logs a user out everywhere, or everywhere but the session they are using now. */
export async function invalidateUserSessions(
  db: Db,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  await db
    .delete(authSessions)
    .where(
      exceptSessionId
        ? and(eq(authSessions.userId, userId), ne(authSessions.id, exceptSessionId))
        : eq(authSessions.userId, userId),
    );
}

export async function setSessionPractice(
  db: Db,
  sessionId: string,
  practiceId: string,
): Promise<void> {
  await db.update(authSessions).set({ practiceId }).where(eq(authSessions.id, sessionId));
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return serialiseCookie(SESSION_COOKIE, token, expiresAt, secure);
}

export function clearedSessionCookie(secure: boolean): string {
  return serialiseCookie(SESSION_COOKIE, '', new Date(0), secure);
}

/** An HttpOnly, SameSite=Lax cookie for the whole site, Secure unless testing over http. */
export function serialiseCookie(
  name: string,
  value: string,
  expires: Date,
  secure: boolean,
): string {
  const parts = [
    `${name}=${value}`,
    'Path=/',
    `Expires=${expires.toUTCString()}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eqAt = part.indexOf('=');
    if (eqAt === -1) continue;
    if (part.slice(0, eqAt).trim() === name) return decodeURIComponent(part.slice(eqAt + 1).trim());
  }
  return undefined;
}
