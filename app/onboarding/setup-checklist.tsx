import { Link } from '@remix-run/react';

import { useT } from '~/i18n/react';

import { SETUP_STEP_LINKS, type SetupChecklist as Checklist } from './steps';

/**
 * The new practice's setup steps, each a link to where it is done; a done step is struck
 * through and says so to a screen reader too. Rendered only while a step is left.
 */
export function SetupChecklist({ checklist }: { checklist: Checklist }) {
  const t = useT();
  const done = checklist.steps.filter((s) => s.done).length;
  return (
    <section
      aria-labelledby="setup-title"
      className="flex flex-col gap-3 rounded-lg border border-teal-200 bg-teal-50 p-5"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="setup-title" className="text-lg font-semibold">
          {t('setup.title')}
        </h2>
        <p className="text-sm text-slate-700">
          {t('setup.progress', { done, total: checklist.steps.length })}
        </p>
      </div>
      <p className="text-slate-700">{t('setup.lead')}</p>
      <ol className="flex flex-col gap-2">
        {checklist.steps.map(({ step, done: stepDone }) => (
          <li key={step} className="flex items-start gap-2">
            <span aria-hidden="true" className={stepDone ? 'text-teal-800' : 'text-slate-500'}>
              {stepDone ? '✓' : '○'}
            </span>
            {stepDone ? (
              <span className="text-slate-600 line-through">
                {t(`setup.step.${step}`)}
                <span className="sr-only"> ({t('setup.done')})</span>
              </span>
            ) : (
              <Link to={SETUP_STEP_LINKS[step]}>
                {t(`setup.step.${step}`)}
                <span className="sr-only"> ({t('setup.todo')})</span>
              </Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
