import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { requirePracticeRole } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import { formatDate } from '~/i18n/format';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { SetupChecklist } from '~/onboarding/setup-checklist';
import { weekdayLabel } from '~/sessions/labels';
import { helsinkiDate } from '~/time/helsinki';
import { getToday } from '~/today/today.server';
import {
  ComingSessions,
  ContractsEnding,
  EvaluationsDue,
  PracticeSection,
  SuperviseeUpdates,
  WaitingSessions,
} from '~/today/today-sections';
import { lookBackDays } from '~/today/today-sessions.server';
import { PageHeader } from '~/ui/app-shell';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'today.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const ctx = domainContext(context);
  const today = await getToday(ctx, actor);
  return { ...today, now: ctx.now, today: helsinkiDate(ctx.now), lookBackDays };
}

export default function Today() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={t('today.title')}
        lead={t('today.dateLine', {
          weekday: t(weekdayLabel(data.today)),
          date: formatDate(data.now, locale),
        })}
      />
      {data.setup ? (
        <div className="mb-6">
          <SetupChecklist checklist={data.setup} />
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <WaitingSessions
          sessions={data.waiting}
          today={data.today}
          lookBackDays={data.lookBackDays}
        />
        <ComingSessions sessions={data.coming} today={data.today} />
        <SuperviseeUpdates sessions={data.updated} today={data.today} />
        <EvaluationsDue due={data.evaluationsDue} />
        <ContractsEnding contracts={data.ending} />
        {data.practice ? <PracticeSection practice={data.practice} /> : null}
      </div>
    </>
  );
}
