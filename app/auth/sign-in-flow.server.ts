/**
 * The one place where a user who has proved who they are gets a session: log-in by
 * password, by an e-mailed code or link, after accepting an invitation or resetting a
 * password. Further sign-in steps (a second factor) hook in here, not in the routes.
 */
import { type AppLoadContext, redirect } from '@remix-run/node';
import { eq } from 'drizzle-orm';

import type { Db } from '#db/client';
import { memberships } from '#db/schema';

import { startSession } from './cookies.server';
import { safeRedirectPath } from './guards.server';

/**
 * Where a user lands by default: practice members in the calendar, everyone else (a
 * supervisee) in the portal.
 */
export async function homePath(db: Db, userId: string): Promise<string> {
  const [member] = await db
    .select({ practiceId: memberships.practiceId })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .limit(1);
  return member ? '/calendar' : '/portal';
}

/**
 * Starts the session of a user whose identity is proven and redirects them to `redirectTo`
 * (a path of our own site) or their home page.
 */
export async function completeSignIn(
  context: AppLoadContext,
  userId: string,
  redirectTo: FormDataEntryValue | string | null = null,
): Promise<Response> {
  const target = safeRedirectPath(redirectTo, await homePath(context.db, userId));
  return redirect(target, { headers: await startSession(context.db, context, userId) });
}
