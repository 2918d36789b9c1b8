import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { domainContext } from '~/domain/context';
import { listMyAssignments } from '~/exercises/answers.server';
import { formatDate } from '~/i18n/format';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { requireSupervisee } from '~/portal/guards.server';
import { helsinkiInstant } from '~/time/helsinki';
import { PageHeader } from '~/ui/app-shell';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'portalExercises.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  return { assignments: await listMyAssignments(domainContext(context), actor) };
}

export default function PortalExercises() {
  const t = useT();
  const locale = useLocale();
  const { assignments } = useLoaderData<typeof loader>();
  const groups = [
    { key: 'open', items: assignments.filter((a) => a.state !== 'submitted') },
    { key: 'done', items: assignments.filter((a) => a.state === 'submitted') },
  ] as const;
  return (
    <>
      <PageHeader title={t('portalExercises.title')} lead={t('portalExercises.lead')} />
      {assignments.length === 0 ? <p>{t('portalExercises.empty')}</p> : null}
      {groups.map(({ key, items }) =>
        items.length === 0 ? null : (
          <section key={key} aria-labelledby={`exercises-${key}`} className="mb-6 max-w-3xl">
            <h2 id={`exercises-${key}`} className="mb-2 text-lg font-semibold">
              {t(key === 'open' ? 'portalExercises.open' : 'portalExercises.done')}
            </h2>
            <ul className="flex flex-col gap-3">
              {items.map((a) => (
                <li key={a.id} className="rounded-lg border border-slate-200 bg-white p-4">
                  <h3 className="font-semibold">
                    <Link to={a.id}>{locale === 'fi' ? a.titleFi : a.titleEn}</Link>
                  </h3>
                  <p className="text-sm text-slate-700">
                    {[
                      a.theme ? t(`theme.${a.theme}`) : null,
                      a.dueOn
                        ? t('exercises.due', {
                            date: formatDate(helsinkiInstant(a.dueOn), locale),
                          })
                        : t('exercises.noDue'),
                      t(`portalExercises.state.${a.state}`),
                      a.state === 'submitted'
                        ? t(a.shared ? 'portalExercises.shared' : 'portalExercises.notShared')
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ),
      )}
    </>
  );
}
