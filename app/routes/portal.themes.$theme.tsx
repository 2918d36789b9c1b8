import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { domainContext } from '~/domain/context';
import { listPage } from '~/forms/fields';
import { formatDate } from '~/i18n/format';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { isTheme } from '~/notes/themes';
import { requireSupervisee } from '~/portal/guards.server';
import { summariesAboutTheme } from '~/portal/published-summaries.server';
import { PageHeader } from '~/ui/app-shell';
import { Pagination } from '~/ui/pagination';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'portal.themes.title');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  const theme = params.theme;
  if (!isTheme(theme)) throw new Response(null, { status: 404 });
  const page = listPage.parse(new URL(request.url).searchParams.get('page') ?? undefined);
  return {
    theme,
    passages: await summariesAboutTheme(domainContext(context), actor, theme, { page }),
  };
}

export default function PortalTheme() {
  const t = useT();
  const locale = useLocale();
  const { theme, passages: page } = useLoaderData<typeof loader>();
  const { rows: passages, ...position } = page;
  return (
    <>
      <PageHeader
        title={t('portal.theme.title', { theme: t(`theme.${theme}`) })}
        lead={t('portal.theme.lead')}
      />
      {position.pageCount > 1 ? (
        <p className="max-w-3xl">{t('portal.theme.pageScope', { pageSize: position.pageSize })}</p>
      ) : null}
      {passages.length === 0 ? (
        <p>{position.pageCount > 1 ? t('portal.theme.noneOnPage') : t('portal.theme.none')}</p>
      ) : null}
      <div className="flex max-w-3xl flex-col gap-4">
        {passages.map((passage) => {
          const date = formatDate(new Date(passage.startsAt), locale);
          return (
            <article
              key={passage.sessionId}
              aria-labelledby={`passage-${passage.sessionId}`}
              className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4"
            >
              <h2 id={`passage-${passage.sessionId}`} className="font-semibold">
                {t('portal.theme.fromSession', { date })}
              </h2>
              <p className="text-sm text-slate-700">
                {t('portal.summaries.contract', { code: passage.contractCode })}
              </p>
              <p className="break-words whitespace-pre-line">{passage.text}</p>
              <Link to={`/portal/summaries/${passage.sessionId}`}>
                {t('portal.theme.openSummary')}
                <span className="sr-only"> {date}</span>
              </Link>
            </article>
          );
        })}
      </div>
      <Pagination {...position} />
      <p className="mt-6">
        <Link to="/portal/themes">{t('portal.themes.title')}</Link>
      </p>
    </>
  );
}
