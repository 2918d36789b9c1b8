/** The staff client page's section of feedback rounds the supervisee shared with their supervisor. */
import { ResultsView, type RoundResults } from '~/feedback/results-view';
import { useLocale, useT } from '~/i18n/react';

import { formatClosingDay } from './format';

export function SharedFeedbackRounds({
  rounds,
}: {
  rounds: { id: string; title: string; closesOn: string; results: RoundResults }[];
}) {
  const t = useT();
  const locale = useLocale();
  if (rounds.length === 0) return null;
  return (
    <section
      aria-labelledby="shared-feedback-heading"
      className="mt-8 flex max-w-3xl flex-col gap-4"
    >
      <h2 id="shared-feedback-heading" className="text-lg font-semibold">
        {t('feedback.staff.heading')}
      </h2>
      <p>{t('feedback.staff.lead')}</p>
      {rounds.map((round) => (
        <article
          key={round.id}
          className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h3 className="font-semibold break-words">{round.title}</h3>
          <p className="text-sm text-slate-700">
            {t('feedback.form.closesOn')}: {formatClosingDay(round.closesOn, locale)}
          </p>
          <ResultsView results={round.results} headingLevel={3} />
        </article>
      ))}
    </section>
  );
}
