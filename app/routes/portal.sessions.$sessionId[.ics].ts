import type { LoaderFunctionArgs } from '@remix-run/node';

import { throwAsResponse } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import { idParam } from '~/http/params.server';
import { resolveLocale } from '~/i18n/locale.server';
import { requireSupervisee } from '~/portal/guards.server';
import { portalSessionCalendar } from '~/portal/session-calendar.server';

/** `/portal/sessions/<id>.ics`: one of the supervisee's sessions as a calendar file. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  const sessionId = idParam(params.sessionId);
  const ics = await portalSessionCalendar(
    domainContext(context),
    actor,
    sessionId,
    resolveLocale(request, context),
  ).catch(throwAsResponse);
  return new Response(ics, {
    status: 200,
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="tyonohjaus-${sessionId}.ics"`,
    },
  });
}
