/**
 * Route guards in the Epic-stack style: they return what the route needs or throw a
 * redirect / 403 that Remix turns into the response.
 */
import { type AppLoadContext, redirect } from '@remix-run/node';

import type { PracticeRole } from '#db/schema';
import { MEMBER_HOME_PATH } from '~/auth/home';
import { AppError, appErrorResponse, isAppError } from '~/errors';
import { hasPortalAccess } from '~/portal/access.server';
import type { MemberActor } from '~/practices/actor';
import {
  listMemberships,
  pickActiveMembership,
  type PracticeMembership,
} from '~/practices/memberships.server';

import type { ValidatedSession } from './session.server';

export function forbidden(): Response {
  return appErrorResponse(new AppError('forbidden'));
}

/** Turns a domain AppError into the HTTP response a route throws; anything else propagates. */
export function throwAsResponse(error: unknown): never {
  if (isAppError(error)) throw appErrorResponse(error);
  throw error;
}

function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  return redirect(`/login?${params.toString()}`);
}

/** Where a session that must set up two-factor sign-in is sent (the enrolment page). */
export const TWO_FACTOR_SETUP_PATH = '/account/two-factor';

/**
 * The signed-in user's session. A session that must first set up two-factor sign-in (its
 * practice requires it) is sent to the enrolment page, which alone passes
 * `duringTwoFactorSetup`; log-out and the language switch do not ask for a user at all.
 */
export function requireUser(
  request: Request,
  context: AppLoadContext,
  options: { duringTwoFactorSetup?: boolean } = {},
): ValidatedSession {
  if (!context.auth) throw loginRedirect(request);
  if (context.auth.session.twoFactorSetupRequired && !options.duringTwoFactorSetup) {
    throw redirect(TWO_FACTOR_SETUP_PATH);
  }
  return context.auth;
}

/** Sends signed-in visitors of the log-in and sign-up pages on to the app. */
export function requireAnonymous(context: AppLoadContext): void {
  if (context.auth) throw redirect(MEMBER_HOME_PATH);
}

export interface PracticeActor extends MemberActor {
  practiceName: string;
  auth: ValidatedSession;
  /** All of the user's practices, for the practice switcher. */
  memberships: PracticeMembership[];
}

/**
 * The signed-in user acting in their current practice. With `role: 'owner'` a supervisor
 * gets 403; a user without any practice gets 403 too.
 */
export async function requirePracticeRole(
  request: Request,
  context: AppLoadContext,
  role: PracticeRole = 'supervisor',
): Promise<PracticeActor> {
  const auth = requireUser(request, context);
  const memberships = await membershipsOf(context, auth.user.id);
  const membership = pickActiveMembership(memberships, auth.session.practiceId);
  // A supervisee who opens a staff page (a bookmark, the log-in default) belongs in the portal.
  if (!membership && (await isSupervisee(context, auth))) throw redirect('/portal');
  if (!membership || (role === 'owner' && membership.role !== 'owner')) throw forbidden();
  const actor: PracticeActor = {
    kind: 'member',
    userId: auth.user.id,
    practiceId: membership.practiceId,
    practiceName: membership.practiceName,
    role: membership.role,
    auth,
    memberships,
  };
  return actor;
}

/**
 * The user's memberships: on a page read, those read with the session (a page's layout and its
 * own loader both guard); on a request that may change them (a POST's action and the loaders
 * after it), read afresh.
 */
async function membershipsOf(
  context: AppLoadContext,
  userId: string,
): Promise<PracticeMembership[]> {
  return context.auth?.memberships ?? listMemberships(context.db, userId);
}

async function isSupervisee(context: AppLoadContext, auth: ValidatedSession): Promise<boolean> {
  if (auth.portalPractices) return auth.portalPractices.length > 0;
  return hasPortalAccess(context.db, auth.user.id);
}

// Any origin will do: only whether the resolved target stays on it matters.
const OWN_ORIGIN = 'http://ohjaamo.invalid';

/**
 * Only a path of our own site may be a post-login or post-switch destination. The value is
 * resolved as a browser would resolve a Location header (browsers drop tabs and newlines
 * and read `\` as `/`, so `/%09/evil.example` means //evil.example); control characters
 * and backslashes are refused outright. Returns path + search + hash, or the fallback.
 */
export function safeRedirectPath(
  value: FormDataEntryValue | string | null,
  fallback = MEMBER_HOME_PATH,
): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let target: URL;
  try {
    target = new URL(value, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (target.origin !== OWN_ORIGIN) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}
