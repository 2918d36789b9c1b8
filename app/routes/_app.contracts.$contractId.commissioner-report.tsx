import type { LoaderFunctionArgs } from '@remix-run/node';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { commissionerReport } from '~/contracts/commissioner-report.server';
import { commissionerReportHtml } from '~/contracts/commissioner-report-document';
import { domainContext } from '~/domain/context';
import { idParam } from '~/http/params.server';
import { resolveLocale } from '~/i18n/locale.server';

/** The commissioner report of one contract, as an HTML document to save, print or send. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const id = idParam(params.contractId);
  const report = await commissionerReport(domainContext(context), actor, id).catch(throwAsResponse);
  const safeCode = report.code.replace(/[^\w.-]+/g, '_');
  return new Response(commissionerReportHtml(report, resolveLocale(request, context)), {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Disposition': `attachment; filename="raportti-${safeCode}.html"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
