import type { LoaderFunctionArgs } from '@remix-run/node';

import { throwAsResponse } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import { resolveLocale } from '~/i18n/locale.server';
import { exportDownloadHeaders, exportSupervisee } from '~/portal/export.server';
import { superviseeExportHtml } from '~/portal/export-document';
import { requireSupervisee } from '~/portal/guards.server';

/** `/portal/export.html`: the same export as a document to read, print or keep. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  const data = await exportSupervisee(domainContext(context), actor).catch(throwAsResponse);
  return new Response(superviseeExportHtml(data, resolveLocale(request, context)), {
    headers: exportDownloadHeaders('html', data.generatedAt),
  });
}
