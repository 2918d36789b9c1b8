/**
 * A session summary as the supervisee reads it: the shared text of each theme that has
 * some, and the agreed actions. The author's preview uses the same component as the
 * supervisee's view, so what is previewed is what will be shown.
 */
import { formatDate } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';

import type { SharedDraft } from './content';
import { themes } from './themes';

export function SummaryView({ summary, sessionDate }: { summary: SharedDraft; sessionDate: Date }) {
  const t = useT();
  const locale = useLocale();
  const written = themes.filter((theme) => summary[theme].trim());
  return (
    <article
      aria-labelledby="summary-heading"
      className="flex max-w-3xl flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 id="summary-heading" className="text-lg font-semibold">
        {t('notes.summaryHeading', { date: formatDate(sessionDate, locale) })}
      </h2>
      {written.length === 0 && summary.actions.length === 0 ? (
        <p>{t('notes.summaryEmpty')}</p>
      ) : null}
      {written.map((theme) => (
        <section key={theme} aria-labelledby={`summary-${theme}`}>
          <h3 id={`summary-${theme}`} className="font-semibold">
            {t(`theme.${theme}`)}
          </h3>
          <p className="whitespace-pre-line">{summary[theme]}</p>
        </section>
      ))}
      {summary.actions.length > 0 ? (
        <section aria-labelledby="summary-actions">
          <h3 id="summary-actions" className="font-semibold">
            {t('notes.actions')}
          </h3>
          <ul className="list-disc pl-5">
            {summary.actions.map((action) => (
              <li key={action}>{action}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
