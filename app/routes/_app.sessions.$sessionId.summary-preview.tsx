import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import { idParam } from '~/http/params.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { previewSummary } from '~/notes/preview-summary.server';
import { SummaryView } from '~/notes/summary-view';
import { PageHeader } from '~/ui/app-shell';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notes.previewTitle');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const sessionId = idParam(params.sessionId);
  return previewSummary(domainContext(context), actor, sessionId).catch(throwAsResponse);
}

export default function SummaryPreview() {
  const t = useT();
  const { sessionId, startsAt, summary } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="mb-2">
        <Link to={`/sessions/${sessionId}/notes`}>{t('notes.previewBack')}</Link>
      </p>
      <PageHeader title={t('notes.previewTitle')} lead={t('notes.previewLead')} />
      <SummaryView summary={summary} sessionDate={new Date(startsAt)} />
    </>
  );
}
