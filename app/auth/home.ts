/**
 * Where people land. A practice member's day starts on Today (issue 11); a supervisee's in
 * the portal. One place, so that signing in, switching practice, accepting an invitation and
 * the "continue" links all agree.
 */
export const MEMBER_HOME_PATH = '/today';
export const SUPERVISEE_HOME_PATH = '/portal';
