/** The sections of the Today page; each item links to the one place where it gets done. */
import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';

import type { MessageKey } from '~/i18n';
import { formatDate, formatDateTime, formatTime } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';
import { weekdayLabel } from '~/sessions/labels';
import { helsinkiDate, helsinkiInstant } from '~/time/helsinki';
import { Panel } from '~/ui/panel';

import type { DueEvaluation, EndingContract } from './today-contracts.server';
import type { TodayPractice } from './today-practice.server';
import type { TodaySession, WaitingKind } from './today-sessions.server';

const actionLink =
  'inline-block rounded-md bg-teal-800 px-3 py-1.5 font-medium text-white no-underline hover:bg-teal-900';
const quietLink =
  'inline-block rounded-md border border-teal-800 px-3 py-1.5 font-medium no-underline hover:bg-teal-50';

function SessionLine({ session, today }: { session: TodaySession; today: string }) {
  const t = useT();
  const locale = useLocale();
  const day = helsinkiDate(session.startsAt);
  const date =
    day === today
      ? t('today.todayLabel')
      : `${t(weekdayLabel(day))} ${formatDate(session.startsAt, locale)}`;
  return (
    <>
      <span className="font-medium">
        {t('today.sessionWhen', {
          date,
          start: formatTime(session.startsAt, locale),
          end: formatTime(session.endsAt, locale),
        })}
      </span>
      <span>
        {session.who || session.contractCode}{' '}
        <span className="text-slate-600">({session.contractCode})</span>
      </span>
      <span className="text-slate-700">{session.where ?? t('today.noPlace')}</span>
    </>
  );
}

/** Things to do: each row says what, and has the one link that does it. */
function TaskList({ children }: { children: ReactNode }) {
  return <ul className="flex flex-col divide-y divide-slate-200">{children}</ul>;
}

function Task({ children, action }: { children: ReactNode; action: ReactNode }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-2">
      {children}
      {action}
    </li>
  );
}

/** A session to act on: when, who and where, why it is listed, and the link to act. */
function SessionTask({
  session,
  today,
  why,
  to,
  label,
  className,
}: {
  session: TodaySession;
  today: string;
  why: string;
  to: string;
  label: string;
  className: string;
}) {
  const locale = useLocale();
  return (
    <Task
      action={
        <Link to={to} className={className}>
          {label}
          <span className="sr-only">
            {' – '}
            {session.who || session.contractCode}, {formatDate(session.startsAt, locale)}
          </span>
        </Link>
      }
    >
      <div className="flex flex-col gap-0.5">
        <SessionLine session={session} today={today} />
        <span className="text-sm text-slate-700">{why}</span>
      </div>
    </Task>
  );
}

export function ComingSessions({ sessions, today }: { sessions: TodaySession[]; today: string }) {
  const t = useT();
  return (
    <Panel id="coming-heading" title={t('today.coming')}>
      {sessions.length === 0 ? (
        <p className="flex flex-wrap items-center gap-3 text-slate-700">
          {t('today.comingEmpty')}
          <Link to="/sessions/new" className={quietLink}>
            {t('today.bookSession')}
          </Link>
        </p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-200">
          {sessions.map((session) => (
            <li key={session.id} className="flex flex-col gap-0.5 py-2">
              <Link to={`/sessions/${session.id}`} className="flex flex-col gap-0.5">
                <SessionLine session={session} today={today} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

const waitingAction: Record<WaitingKind, { label: MessageKey; why: MessageKey; to: string }> = {
  outcome: {
    label: 'today.waiting.outcome',
    why: 'today.waiting.outcomeWhy',
    to: '#outcome-heading',
  },
  notes: { label: 'today.waiting.notes', why: 'today.waiting.notesWhy', to: '/notes' },
  publish: { label: 'today.waiting.publish', why: 'today.waiting.publishWhy', to: '/notes' },
};

export function WaitingSessions({
  sessions,
  today,
  lookBackDays,
}: {
  sessions: (TodaySession & { waiting: WaitingKind })[];
  today: string;
  lookBackDays: number;
}) {
  const t = useT();
  return (
    <Panel id="waiting-heading" title={t('today.waiting')}>
      {sessions.length === 0 ? (
        <p className="text-slate-700">{t('today.waitingEmpty')}</p>
      ) : (
        <TaskList>
          {sessions.map((session) => {
            const action = waitingAction[session.waiting];
            return (
              <SessionTask
                key={session.id}
                session={session}
                today={today}
                why={t(action.why)}
                to={`/sessions/${session.id}${action.to}`}
                label={t(action.label)}
                className={actionLink}
              />
            );
          })}
        </TaskList>
      )}
      <p className="text-sm text-slate-600">{t('today.waitingHint', { days: lookBackDays })}</p>
    </Panel>
  );
}

/** Sessions where a supervisee wrote a reflection or marked an action lately. */
export function SuperviseeUpdates({
  sessions,
  today,
}: {
  sessions: (TodaySession & { updatedAt: Date })[];
  today: string;
}) {
  const t = useT();
  const locale = useLocale();
  if (sessions.length === 0) return null;
  return (
    <Panel id="updates-heading" title={t('today.updates')}>
      <TaskList>
        {sessions.map((session) => (
          <SessionTask
            key={session.id}
            session={session}
            today={today}
            why={t('today.updated', { when: formatDateTime(session.updatedAt, locale) })}
            to={`/sessions/${session.id}#supervisee-work`}
            label={t('today.readUpdates')}
            className={quietLink}
          />
        ))}
      </TaskList>
    </Panel>
  );
}

const evaluationKindLabel: Record<DueEvaluation['kind'], MessageKey> = {
  start: 'evaluations.kind.start',
  middle: 'evaluations.kind.middle',
  end: 'evaluations.kind.end',
};

export function EvaluationsDue({ due }: { due: DueEvaluation[] }) {
  const t = useT();
  if (due.length === 0) return null;
  return (
    <Panel id="evaluations-heading" title={t('today.evaluations')}>
      <TaskList>
        {due.map((item) => (
          <Task
            key={`${item.contractId}-${item.kind}`}
            action={
              <Link
                to={`/contracts/${item.contractId}/evaluations?kind=${item.kind}`}
                className={actionLink}
              >
                {t('today.recordEvaluation')}
                <span className="sr-only"> – {item.code}</span>
              </Link>
            }
          >
            <span>
              {t('today.evaluationDue', {
                code: item.code,
                kind: t(evaluationKindLabel[item.kind]),
              })}
            </span>
          </Task>
        ))}
      </TaskList>
    </Panel>
  );
}

export function ContractsEnding({ contracts }: { contracts: EndingContract[] }) {
  const t = useT();
  const locale = useLocale();
  if (contracts.length === 0) return null;
  return (
    <Panel id="ending-heading" title={t('today.contractsEnding')}>
      <TaskList>
        {contracts.map((contract) => (
          <Task
            key={contract.id}
            action={
              <Link to={`/contracts/${contract.id}`} className={quietLink}>
                {t('today.openContract')}
                <span className="sr-only"> {contract.code}</span>
              </Link>
            }
          >
            <span>
              <span className="font-medium">{contract.code}</span>
              {': '}
              {[
                t('today.contractProgress', {
                  used: contract.used,
                  agreed: contract.agreed,
                  upcoming: contract.upcoming,
                }),
                contract.plannedEndOn
                  ? t('today.plannedEnd', {
                      date: formatDate(helsinkiInstant(contract.plannedEndOn, '12:00'), locale),
                    })
                  : null,
                contract.supervisorName
                  ? t('today.supervisedBy', { name: contract.supervisorName })
                  : null,
              ]
                .filter(Boolean)
                .join(', ')}
            </span>
          </Task>
        ))}
      </TaskList>
    </Panel>
  );
}

export function PracticeSection({ practice }: { practice: TodayPractice }) {
  const t = useT();
  return (
    <Panel id="practice-heading" title={t('today.practice')}>
      <div className="flex flex-col gap-2">
        <h3 className="font-semibold">
          {t('today.unassigned', { count: practice.unassignedCount })}
        </h3>
        {practice.unassigned.length === 0 ? (
          <p className="text-slate-700">{t('today.unassignedNone')}</p>
        ) : (
          <>
            <ul className="flex flex-wrap gap-x-4 gap-y-1">
              {practice.unassigned.map((client) => (
                <li key={client.id}>
                  <Link to={`/clients/${client.id}`}>{client.name}</Link>
                </li>
              ))}
            </ul>
            <p>
              <Link to="/contracts/new" className={quietLink}>
                {t('today.newContract')}
              </Link>
            </p>
          </>
        )}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-3">
        {practice.readyToInvoice > 0 ? (
          <>
            <span>{t('today.readyToInvoice', { count: practice.readyToInvoice })}</span>
            <Link to="/billing/run" className={actionLink}>
              {t('today.startInvoiceRun')}
            </Link>
          </>
        ) : (
          <span className="text-slate-700">{t('today.readyToInvoiceNone')}</span>
        )}
      </div>
    </Panel>
  );
}
