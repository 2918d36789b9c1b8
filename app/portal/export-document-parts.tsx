/**
 * The parts of the export document that hold the supervisee's own work: their marks on the
 * agreed actions, reflections, messages, evaluation answers, exercise answers and feedback
 * rounds (aggregated results only, as on the round's page).
 */
import type { ReactNode } from 'react';

import { formatDay } from '~/contracts/display';
import { promptText } from '~/feedback/results-view';
import type { Locale, Translate } from '~/i18n';
import { formatDate, formatDateTime, intlLocale } from '~/i18n/format';

import type { ExportedFeedbackRound, SuperviseeExport } from './export.server';

export interface DocumentProps {
  t: Translate;
  locale: Locale;
}

type PartProps = DocumentProps & { data: SuperviseeExport };

/** A part of the document: its heading, and its content or the sentence saying there is none. */
export function Part({
  id,
  title,
  empty,
  children,
}: {
  id: string;
  title: string;
  empty: string | false;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {empty ? <p>{empty}</p> : children}
    </section>
  );
}

/** Text someone wrote, kept with its line breaks. */
export function Text({ children }: { children: string }) {
  return <p className="text">{children}</p>;
}

/** Items in the order given, grouped under the session they are about. */
function bySession<T extends { sessionId: string }>(items: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items)
    groups.set(item.sessionId, [...(groups.get(item.sessionId) ?? []), item]);
  return [...groups.values()];
}

function sessionHeading(
  { t, locale }: DocumentProps,
  session: { sessionStartsAt: Date; contractCode: string },
) {
  return t('portalExport.doc.sessionOf', {
    date: formatDate(session.sessionStartsAt, locale),
    code: session.contractCode,
  });
}

export function ActionsPart({ data, t, locale }: PartProps) {
  return (
    <Part
      id="actions"
      title={t('portalExport.doc.actions')}
      empty={data.actions.length === 0 && t('portalExport.doc.noActions')}
    >
      {data.actions.map((session) => (
        <article key={session.sessionId}>
          <h3>
            {sessionHeading({ t, locale }, { ...session, sessionStartsAt: session.startsAt })}
          </h3>
          <ul>
            {session.actions.map((action) => (
              <li key={action.id}>
                <span className="text">{action.text}</span> —{' '}
                {t(`between.actions.state.${action.state ?? 'none'}`)}
                {action.comment ? (
                  <Text>{t('portalExport.doc.yourComment', { comment: action.comment })}</Text>
                ) : null}
              </li>
            ))}
          </ul>
        </article>
      ))}
    </Part>
  );
}

export function ReflectionsPart({ data, t, locale }: PartProps) {
  return (
    <Part
      id="reflections"
      title={t('portalExport.doc.reflections')}
      empty={data.reflections.length === 0 && t('portalExport.doc.noReflections')}
    >
      {bySession(data.reflections).map((reflections) => (
        <article key={reflections[0]?.sessionId}>
          {reflections[0] ? <h3>{sessionHeading({ t, locale }, reflections[0])}</h3> : null}
          {reflections.map((reflection) => (
            <div key={reflection.moment}>
              <h4>{t(`between.staff.reflection.${reflection.moment}`)}</h4>
              <Text>{reflection.text}</Text>
            </div>
          ))}
        </article>
      ))}
    </Part>
  );
}

export function MessagesPart({ data, t, locale }: PartProps) {
  return (
    <Part
      id="messages"
      title={t('portalExport.doc.messages')}
      empty={data.messagesToSupervisor.length === 0 && t('portalExport.doc.noMessages')}
    >
      {data.messagesToSupervisor.map((message, i) => (
        <article key={i}>
          <h3>{sessionHeading({ t, locale }, message)}</h3>
          <p className="note">
            {t(`between.request.kind.${message.kind}`)} ·{' '}
            {t('portalExport.doc.sentAt', { date: formatDateTime(message.sentAt, locale) })}
          </p>
          <Text>{message.message}</Text>
        </article>
      ))}
    </Part>
  );
}

export function EvaluationsPart({ data, t, locale }: PartProps) {
  const answered = data.evaluations.filter((e) => e.answers.length > 0);
  return (
    <Part
      id="evaluations"
      title={t('portalExport.doc.evaluations')}
      empty={answered.length === 0 && t('portalExport.doc.noEvaluations')}
    >
      {answered.map((evaluation) => (
        <article key={evaluation.contractCode}>
          <h3>{t('portalEvaluations.contract', { code: evaluation.contractCode })}</h3>
          {evaluation.answers.map((answer) => {
            const date = answer.submittedAt ? formatDate(answer.submittedAt, locale) : '–';
            return (
              <div key={answer.kind}>
                <h4>{t(`evaluations.kind.${answer.kind}`)}</h4>
                <p className="note">
                  {t(
                    answer.answeredInPortal
                      ? 'portalExport.doc.answeredInPortal'
                      : 'portalExport.doc.recordedForYou',
                    { date },
                  )}
                </p>
                {evaluation.goals.length > 0 ? (
                  <ul>
                    {evaluation.goals.map((goal) => {
                      const score = answer.scores.find((s) => s.goalId === goal.id)?.score;
                      return (
                        <li key={goal.id}>
                          <span className="text">{goal.text}</span>:{' '}
                          {score === undefined
                            ? t('portalExport.doc.noScore')
                            : t('portalExport.doc.score', { score })}
                        </li>
                      );
                    })}
                  </ul>
                ) : null}
                {answer.comment ? (
                  <>
                    <h5>{t('evaluations.comment')}</h5>
                    <Text>{answer.comment}</Text>
                  </>
                ) : null}
              </div>
            );
          })}
        </article>
      ))}
    </Part>
  );
}

export function ExercisesPart({ data, t, locale }: PartProps) {
  return (
    <Part
      id="exercises"
      title={t('portalExport.doc.exercises')}
      empty={data.exercises.length === 0 && t('portalExport.doc.noExercises')}
    >
      {data.exercises.map((exercise) => {
        const english = locale === 'en';
        return (
          <article key={exercise.id}>
            <h3>{english ? exercise.titleEn || exercise.titleFi : exercise.titleFi}</h3>
            <p className="note">
              {[
                t('portalExercises.contract', { code: exercise.contractCode }),
                exercise.theme ? t(`theme.${exercise.theme}`) : null,
                exercise.dueOn
                  ? t('exercises.due', { date: formatDay(exercise.dueOn, locale) })
                  : t('exercises.noDue'),
                t(`portalExercises.state.${exercise.state}`),
                t(exercise.shared ? 'portalExercises.shared' : 'portalExercises.notShared'),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <h4>{t('portalExercises.instructions')}</h4>
            <Text>
              {english
                ? exercise.instructionsEn || exercise.instructionsFi
                : exercise.instructionsFi}
            </Text>
            <h4>{t('portalExercises.answer')}</h4>
            {exercise.answer ? (
              <Text>{exercise.answer}</Text>
            ) : (
              <p>{t('portalExport.doc.noAnswer')}</p>
            )}
          </article>
        );
      })}
    </Part>
  );
}

function RoundResults({ round, t, locale }: DocumentProps & { round: ExportedFeedbackRound }) {
  const { results } = round;
  if (!results.visible) return <p>{t('feedback.results.hidden', { min: results.minAnswers })}</p>;
  const mean = new Intl.NumberFormat(intlLocale[locale], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return (
    <>
      {results.questions.map((question) => (
        <div key={question.id}>
          <h5>{promptText(t, question)}</h5>
          {question.kind === 'scale' ? (
            <>
              <p>
                {t('feedback.results.scaleSummary', {
                  count: question.count,
                  mean: mean.format(question.mean),
                })}
              </p>
              <p className="note">
                {t('feedback.results.distribution')}:{' '}
                {question.distribution
                  .map((count, i) => t('feedback.results.valueCount', { value: i + 1, count }))
                  .join(', ')}
              </p>
            </>
          ) : question.answers.length === 0 ? (
            <p>{t('feedback.results.noText')}</p>
          ) : (
            <ul>
              {question.answers.map((answer, i) => (
                <li key={i} className="text">
                  {answer}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      <p className="note">{t('feedback.results.textOrder')}</p>
    </>
  );
}

export function FeedbackPart({ data, t, locale }: PartProps) {
  return (
    <Part
      id="feedback"
      title={t('portalExport.doc.feedback')}
      empty={data.feedbackRounds.length === 0 && t('portalExport.doc.noFeedback')}
    >
      {data.feedbackRounds.map((round) => (
        <article key={round.id}>
          <h3 className="text">{round.title}</h3>
          <p className="note">
            {[
              round.open
                ? t('feedback.status.open', { date: formatDay(round.closesOn, locale) })
                : t('feedback.status.closed'),
              round.open
                ? null
                : t('portalExport.doc.closesOn', { date: formatDay(round.closesOn, locale) }),
              t('feedback.responses', { count: round.responseCount }),
              round.shared ? t('feedback.shared') : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <h4>{t('feedback.results.heading')}</h4>
          <RoundResults round={round} t={t} locale={locale} />
        </article>
      ))}
    </Part>
  );
}
