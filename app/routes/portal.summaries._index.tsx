import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { domainContext } from '~/domain/context';
import { listPage } from '~/forms/fields';
import { formatDate } from '~/i18n/format';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { requireSupervisee } from '~/portal/guards.server';
import { listPortalSummaries } from '~/portal/published-summaries.server';
import { PageHeader } from '~/ui/app-shell';
import { Pagination } from '~/ui/pagination';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'portal.summaries.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  const page = listPage.parse(new URL(request.url).searchParams.get('page') ?? undefined);
  return { summaries: await listPortalSummaries(domainContext(context), actor, { page }) };
}

export default function PortalSummaries() {
  const t = useT();
  const locale = useLocale();
  const { rows: summaries, ...position } = useLoaderData<typeof loader>().summaries;
  return (
    <>
      <PageHeader title={t('portal.summaries.title')} lead={t('portal.summaries.lead')} />
      {summaries.length === 0 ? (
        <p>{t('portal.summaries.none')}</p>
      ) : (
        <>
          <ul className="flex max-w-3xl flex-col gap-3">
            {summaries.map((summary) => (
              <li
                key={summary.sessionId}
                className="flex flex-col gap-1 rounded-lg border border-slate-200 bg-white p-4"
              >
                <Link to={`/portal/summaries/${summary.sessionId}`} className="font-semibold">
                  {t('portal.summaries.session', {
                    date: formatDate(new Date(summary.startsAt), locale),
                  })}
                </Link>
                <span>{t('portal.summaries.contract', { code: summary.contractCode })}</span>
                <span>
                  {summary.themes.length
                    ? t('portal.summaries.themes', {
                        themes: summary.themes.map((theme) => t(`theme.${theme}`)).join(', '),
                      })
                    : t('portal.summaries.noThemes')}
                </span>
                <span className="text-sm text-slate-700">
                  {t(
                    summary.revision > 1
                      ? 'portal.summaries.revised'
                      : 'portal.summaries.published',
                    {
                      date: formatDate(new Date(summary.publishedAt), locale),
                    },
                  )}
                </span>
              </li>
            ))}
          </ul>
          <Pagination {...position} />
        </>
      )}
    </>
  );
}
