import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { domainContext } from '~/domain/context';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { ThemeTimeline } from '~/notes/theme-timeline';
import { themes } from '~/notes/themes';
import { requireSupervisee } from '~/portal/guards.server';
import { portalThemesOverTime } from '~/portal/themes-over-time.server';
import { PageHeader } from '~/ui/app-shell';
import { Panel } from '~/ui/panel';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'portal.themes.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  return { timelines: await portalThemesOverTime(domainContext(context), actor) };
}

export default function PortalThemes() {
  const t = useT();
  const { timelines } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t('portal.themes.title')} lead={t('portal.themes.lead')} />
      <div className="flex max-w-5xl flex-col gap-6">
        <Panel id="themes-everything" title={t('portal.themes.everything')}>
          <ul className="flex flex-col gap-2">
            {themes.map((theme) => (
              <li key={theme}>
                <Link to={`/portal/themes/${theme}`}>{t(`theme.${theme}`)}</Link>
              </li>
            ))}
          </ul>
        </Panel>
        {timelines.length === 0 ? <p>{t('portal.themes.noContracts')}</p> : null}
        {timelines.map((timeline) => (
          <section key={timeline.contractId} aria-labelledby={`timeline-${timeline.contractId}`}>
            <h2 id={`timeline-${timeline.contractId}`} className="mb-3 text-lg font-semibold">
              {t('portal.themes.timelineFor', { code: timeline.contractCode })}
            </h2>
            <ThemeTimeline points={timeline.points} />
          </section>
        ))}
      </div>
    </>
  );
}
