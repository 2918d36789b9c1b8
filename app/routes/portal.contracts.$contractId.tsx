import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { throwAsResponse } from '~/auth/guards.server';
import { formatDay, StatusBadge } from '~/contracts/display';
import { domainContext } from '~/domain/context';
import { idParam } from '~/http/params.server';
import { formatDate } from '~/i18n/format';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { ThemeTimeline } from '~/notes/theme-timeline';
import {
  CancellationRule,
  GoalList,
  icsHref,
  NextSession,
  ProgressText,
  sessionHref,
  sessionStateText,
  useSessionWhen,
} from '~/portal/contract-parts';
import { getPortalContract } from '~/portal/contracts.server';
import { requireSupervisee } from '~/portal/guards.server';
import { portalThemesOverTime } from '~/portal/themes-over-time.server';
import { PageHeader } from '~/ui/app-shell';
import { DetailList } from '~/ui/detail-list';
import { Panel } from '~/ui/panel';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'portal.title', data?.contract.code);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  const ctx = domainContext(context);
  const id = idParam(params.contractId);
  const contract = await getPortalContract(ctx, actor, id).catch(throwAsResponse);
  const [timeline] = await portalThemesOverTime(ctx, actor, id);
  return { contract, timeline: timeline?.points ?? [] };
}

export default function PortalContractPage() {
  const t = useT();
  const locale = useLocale();
  const when = useSessionWhen();
  const { contract, timeline } = useLoaderData<typeof loader>();
  const period = contract.plannedEndOn
    ? t('portal.contract.periodRange', {
        start: formatDay(contract.startsOn, locale),
        end: formatDay(contract.plannedEndOn, locale),
      })
    : t('portal.contract.periodOpen', { start: formatDay(contract.startsOn, locale) });
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader
          title={t('portal.contract.title', { code: contract.code })}
          lead={t(`contracts.form.${contract.form}`)}
        />
        <StatusBadge status={contract.status} />
      </div>
      <div className="flex max-w-3xl flex-col gap-6">
        <DetailList
          items={[
            [t('portal.contract.supervisor'), contract.supervisorName],
            [
              t('portal.contract.guidingQuestion'),
              contract.guidingQuestion ? (
                <span className="whitespace-pre-line">{contract.guidingQuestion}</span>
              ) : null,
            ],
            [t('portal.contract.goals'), <GoalList key="goals" goals={contract.goals} />],
            [t('portal.contract.methods'), contract.methods],
            [t('portal.contract.period'), period],
            [
              t('portal.contract.rhythm'),
              contract.rhythmWeeks
                ? t('portal.contract.rhythmWeeks', {
                    minutes: contract.sessionMinutes,
                    weeks: contract.rhythmWeeks,
                  })
                : t('portal.contract.rhythmFree', { minutes: contract.sessionMinutes }),
            ],
            [
              t('portal.contract.progress'),
              <ProgressText
                key="progress"
                used={contract.progress.used}
                agreed={contract.progress.agreed}
              />,
            ],
            [t('portal.contract.cancellation'), <CancellationRule key="rule" {...contract} />],
          ]}
        />
        <p className="text-sm text-slate-700">{t('portal.contract.progressRule')}</p>
        {contract.status === 'active' ? (
          <Panel id="next-session" title={t('portal.contract.nextSession')}>
            <NextSession session={contract.nextSession} />
          </Panel>
        ) : null}
        <Panel id="sessions" title={t('portal.contract.sessions')}>
          {contract.sessions.length === 0 ? (
            <p>{t('portal.contract.noSessions')}</p>
          ) : (
            <ul className="flex flex-col divide-y divide-slate-200">
              {contract.sessions.map((session) => {
                const date = formatDate(new Date(session.startsAt), locale);
                return (
                  <li key={session.id} className="flex flex-col gap-1 py-3">
                    <span className="font-medium">{when(session)}</span>
                    <span>{sessionStateText(t, session)}</span>
                    <Link to={sessionHref(session.id)}>
                      {t('portal.session.open')}
                      <span className="sr-only"> {date}</span>
                    </Link>
                    {session.hasSummary ? (
                      <Link to={`/portal/summaries/${session.id}`}>
                        {t('portal.session.readSummary')}
                        <span className="sr-only"> {date}</span>
                      </Link>
                    ) : null}
                    {session.coming ? (
                      <a href={icsHref(session.id)} download>
                        {t('portal.session.ics')}
                        <span className="sr-only"> {date}</span>
                      </a>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </Panel>
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
            {t('portal.contract.timeline')}
          </h2>
          <ThemeTimeline points={timeline} />
        </section>
      </div>
    </>
  );
}
