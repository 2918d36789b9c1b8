import { type ActionFunctionArgs, redirect } from '@remix-run/node';

import { requireUser, throwAsResponse } from '~/auth/guards.server';
import { MEMBER_HOME_PATH } from '~/auth/home';
import { domainContext } from '~/domain/context';
import { switchPractice } from '~/practices/memberships.server';

/** The practice switcher's target: work in another of one's practices. */
export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireUser(request, context);
  const practiceId = (await request.formData()).get('practiceId');
  if (typeof practiceId !== 'string') throw new Response(null, { status: 400 });
  try {
    await switchPractice(
      domainContext(context),
      { userId: auth.user.id, sessionId: auth.session.id },
      practiceId,
    );
  } catch (error) {
    throwAsResponse(error);
  }
  return redirect(MEMBER_HOME_PATH);
}

export function loader() {
  return redirect(MEMBER_HOME_PATH);
}
