import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { throwAsResponse } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import { idParam } from '~/http/params.server';
import { formatDate } from '~/i18n/format';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { SummaryView } from '~/notes/summary-view';
import { requireSupervisee } from '~/portal/guards.server';
import { getPortalSummary } from '~/portal/published-summaries.server';
import { PageHeader } from '~/ui/app-shell';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'portal.summaries.title');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  const sessionId = idParam(params.sessionId);
  return getPortalSummary(domainContext(context), actor, sessionId).catch(throwAsResponse);
}

export default function PortalSummary() {
  const t = useT();
  const locale = useLocale();
  const publication = useLoaderData<typeof loader>();
  const sessionDate = new Date(publication.startsAt);
  return (
    <>
      <PageHeader
        title={t('portal.summary.title', { date: formatDate(sessionDate, locale) })}
        lead={t('portal.summaries.contract', { code: publication.contractCode })}
      />
      <p className="mb-4 text-sm text-slate-700">
        {t(publication.revision > 1 ? 'portal.summaries.revised' : 'portal.summaries.published', {
          date: formatDate(new Date(publication.publishedAt), locale),
        })}
      </p>
      <SummaryView summary={publication.summary} sessionDate={sessionDate} />
      <p className="mt-6">
        <Link to="/portal/summaries">{t('portal.summary.back')}</Link>
      </p>
    </>
  );
}
