import { type ActionFunctionArgs, redirect } from '@remix-run/node';

import { forbidden } from '~/auth/guards.server';
import { setSessionPractice } from '~/auth/session.server';
import { requireSupervisee } from '~/portal/guards.server';

/** The portal's practice switcher: look at one's supervision in another practice. */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  const practiceId = (await request.formData()).get('practiceId');
  if (!actor.practices.some((p) => p.practiceId === practiceId)) throw forbidden();
  await setSessionPractice(context.db, actor.auth.session.id, String(practiceId));
  return redirect('/portal');
}

export function loader() {
  return redirect('/portal');
}
