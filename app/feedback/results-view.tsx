/**
 * A round's results: per scale question the count, mean and spread; per open question the
 * answers in the order of their random ids. Below the threshold only the sentence saying so.
 * Used by the portal's round page and the staff client page alike.
 */
import type { FeedbackQuestionKind } from '#db/schema/values';
import { isMessageKey, type Translate } from '~/i18n';
import { intlLocale } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';

export interface QuestionPrompt {
  id: string;
  kind: FeedbackQuestionKind;
  starterKey: string | null;
  text: string | null;
}

export type QuestionResult = QuestionPrompt &
  (
    | { kind: 'scale'; count: number; mean: number; distribution: number[] }
    | { kind: 'text'; answers: string[] }
  );

export type RoundResults =
  | { visible: false; minAnswers: number; responseCount: number }
  | { visible: true; minAnswers: number; responseCount: number; questions: QuestionResult[] };

/** A question in the reader's language: a starter question by its key, else its own words. */
export function promptText(t: Translate, question: Pick<QuestionPrompt, 'starterKey' | 'text'>) {
  if (question.starterKey) {
    const key = `feedback.q.${question.starterKey}`;
    return isMessageKey(key) ? t(key) : question.starterKey;
  }
  return question.text ?? '';
}

export function ResultsView({
  results,
  headingLevel = 2,
}: {
  results: RoundResults;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const locale = useLocale();
  const mean = new Intl.NumberFormat(intlLocale[locale], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const QuestionHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section className="flex flex-col gap-4">
      <Heading className="text-lg font-semibold">{t('feedback.results.heading')}</Heading>
      {!results.visible ? (
        <p role="status">{t('feedback.results.hidden', { min: results.minAnswers })}</p>
      ) : (
        <ol className="flex flex-col gap-5">
          {results.questions.map((question) => (
            <li key={question.id} className="flex flex-col gap-2">
              <QuestionHeading className="font-semibold">{promptText(t, question)}</QuestionHeading>
              {question.kind === 'scale' ? (
                <>
                  <p>
                    {t('feedback.results.scaleSummary', {
                      count: question.count,
                      mean: mean.format(question.mean),
                    })}
                  </p>
                  <ul
                    aria-label={t('feedback.results.distribution')}
                    className="flex flex-col gap-1"
                  >
                    {question.distribution.map((n, i) => (
                      <li key={i} className="flex items-center gap-2">
                        <span className="w-12 shrink-0 tabular-nums">
                          {t('feedback.results.valueCount', { value: i + 1, count: n })}
                        </span>
                        <span
                          aria-hidden="true"
                          className="h-3 rounded bg-teal-700"
                          style={{ width: `${question.count ? (n / question.count) * 100 : 0}%` }}
                        />
                      </li>
                    ))}
                  </ul>
                </>
              ) : question.answers.length === 0 ? (
                <p>{t('feedback.results.noText')}</p>
              ) : (
                <>
                  <p className="text-sm text-slate-600">{t('feedback.results.textOrder')}</p>
                  <ul className="flex list-disc flex-col gap-2 pl-5">
                    {question.answers.map((answer, i) => (
                      <li key={i} className="whitespace-pre-line break-words">
                        {answer}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
