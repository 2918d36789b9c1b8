import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { domainContext } from '~/domain/context';
import { formatClosingDay } from '~/feedback/format';
import { listOwnRounds } from '~/feedback/rounds.server';
import { minAnswersFor } from '~/feedback/threshold.server';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { requireSupervisee } from '~/portal/guards.server';
import { PageHeader } from '~/ui/app-shell';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'feedback.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  const ctx = domainContext(context);
  return {
    rounds: await listOwnRounds(ctx, actor),
    minAnswers: await minAnswersFor(ctx.db, actor.practiceId),
  };
}

export default function FeedbackRounds() {
  const t = useT();
  const locale = useLocale();
  const { rounds, minAnswers } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t('feedback.title')} lead={t('feedback.lead', { min: minAnswers })} />
      <p className="mb-6">
        <Link
          to="/portal/feedback/new"
          className="inline-block rounded-md bg-teal-800 px-4 py-2 font-medium text-white no-underline hover:bg-teal-900"
        >
          {t('feedback.new')}
        </Link>
      </p>
      <section aria-labelledby="rounds-heading" className="flex flex-col gap-3">
        <h2 id="rounds-heading" className="text-lg font-semibold">
          {t('feedback.list.heading')}
        </h2>
        {rounds.length === 0 ? (
          <p>{t('feedback.none')}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {rounds.map((round) => (
              <li key={round.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <Link to={`/portal/feedback/${round.id}`} className="font-semibold break-words">
                  {round.title}
                </Link>
                <p className="text-sm text-slate-700">
                  {round.open
                    ? t('feedback.status.open', { date: formatClosingDay(round.closesOn, locale) })
                    : t('feedback.status.closed')}
                  {' · '}
                  {t('feedback.responses', { count: round.responseCount })}
                  {round.shared ? ` · ${t('feedback.shared')}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
