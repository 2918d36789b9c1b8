import type { LoaderFunctionArgs } from '@remix-run/node';

import { throwAsResponse } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import { exportDownloadHeaders, exportSupervisee } from '~/portal/export.server';
import { requireSupervisee } from '~/portal/guards.server';

/** `/portal/export.json`: everything of the supervisee's in this practice, as data. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  const data = await exportSupervisee(domainContext(context), actor).catch(throwAsResponse);
  return new Response(JSON.stringify(data, null, 2), {
    headers: exportDownloadHeaders('json', data.generatedAt),
  });
}
