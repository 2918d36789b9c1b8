/**
 * The pieces of a contract a supervisee reads, shared by the portal's home and contract
 * page: progress, the next session with its place and calendar file, the cancellation rule.
 */
import { Link } from '@remix-run/react';

import type { SessionStatus, Theme } from '#db/schema/values';
import type { Translate } from '~/i18n';
import { formatDate, formatTime } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';
import { statusLabel } from '~/sessions/labels';

import { isWebAddress } from './meeting-place';

type When = Date | string;

export interface SessionFacts {
  id: string;
  startsAt: When;
  endsAt: When;
  status: SessionStatus;
  place: string | null;
  remoteLink: string | null;
  cancelledLate: boolean | null;
  chargeable: boolean;
}

/** "Cancel at least 24 hours before …" and what a missed session costs, in the contract's terms. */
export function cancellationRule(
  t: Translate,
  contract: {
    cancellationNoticeHours: number;
    chargeLateCancellation: boolean;
    chargeNoShow: boolean;
  },
): string[] {
  const hours = contract.cancellationNoticeHours;
  return [
    t(contract.chargeLateCancellation ? 'portal.cancel.lateCharged' : 'portal.cancel.lateFree', {
      hours,
    }),
    t(contract.chargeNoShow ? 'portal.cancel.noShowCharged' : 'portal.cancel.noShowFree'),
  ];
}

export function CancellationRule(props: Parameters<typeof cancellationRule>[1]) {
  return <p>{cancellationRule(useT(), props).join(' ')}</p>;
}

/** "Session 4 of 10", counted as the supervisor's contract page counts. */
export function ProgressText({ used, agreed }: { used: number; agreed: number }) {
  const t = useT();
  if (used === 0) return <>{t('portal.contract.progressNone', { agreed })}</>;
  if (used > agreed)
    return <>{t('portal.contract.progressExtra', { used, agreed, extra: used - agreed })}</>;
  return <>{t('portal.contract.progressOf', { used, agreed })}</>;
}

export function useSessionWhen() {
  const t = useT();
  const locale = useLocale();
  return (session: { startsAt: When; endsAt: When }) =>
    t('portal.session.when', {
      date: formatDate(new Date(session.startsAt), locale),
      start: formatTime(new Date(session.startsAt), locale),
      end: formatTime(new Date(session.endsAt), locale),
    });
}

/** The place as text, the remote link as a link when it is a web address. */
export function MeetingPlaceView({
  place,
  remoteLink,
}: {
  place: string | null;
  remoteLink: string | null;
}) {
  const t = useT();
  if (!place && !remoteLink) return <p>{t('portal.session.noPlace')}</p>;
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
      {place ? (
        <>
          <dt className="font-medium text-slate-700">{t('portal.session.place')}</dt>
          <dd className="break-words">{place}</dd>
        </>
      ) : null}
      {remoteLink ? (
        <>
          <dt className="font-medium text-slate-700">{t('portal.session.remoteLink')}</dt>
          <dd className="break-all">
            {isWebAddress(remoteLink) ? (
              <a href={remoteLink} rel="noopener noreferrer">
                {remoteLink}
              </a>
            ) : (
              remoteLink
            )}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export const icsHref = (sessionId: string) => `/portal/sessions/${sessionId}.ics`;
/** The session's own page: the supervisee's reflections, cancelling, a message. */
export const sessionHref = (sessionId: string) => `/portal/sessions/${sessionId}`;

/** The next session: when, where, and its calendar file. */
export function NextSession({ session }: { session: SessionFacts | null }) {
  const t = useT();
  const when = useSessionWhen();
  if (!session) return <p>{t('portal.contract.noNextSession')}</p>;
  return (
    <div className="flex flex-col gap-2">
      <p className="font-medium">{when(session)}</p>
      <MeetingPlaceView place={session.place} remoteLink={session.remoteLink} />
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        <Link to={sessionHref(session.id)}>{t('portal.session.open')}</Link>
        {/* A resource route: a plain link, not client-side navigation. */}
        <a href={icsHref(session.id)} download>
          {t('portal.session.ics')}
        </a>
      </p>
    </div>
  );
}

/** A session's state in words, with whether it was charged when that is not obvious. */
export function sessionStateText(t: Translate, session: SessionFacts): string {
  const status = t(statusLabel[session.status]);
  if (session.status === 'cancelled') {
    return `${status}: ${t(
      session.cancelledLate && session.chargeable
        ? 'portal.session.cancelledLateCharged'
        : 'portal.session.cancelledFree',
    )}`;
  }
  if (session.status === 'no_show' && session.chargeable)
    return `${status}: ${t('portal.session.noShowCharged')}`;
  return status;
}

export function GoalList({ goals }: { goals: { text: string; theme: Theme | null }[] }) {
  const t = useT();
  if (goals.length === 0) return <p>{t('portal.contract.noGoals')}</p>;
  return (
    <ul className="list-disc pl-5">
      {goals.map((goal, i) => (
        <li key={i} className="break-words">
          {goal.text}{' '}
          <span className="text-sm text-slate-700">
            ({goal.theme ? t(`theme.${goal.theme}`) : t('portal.contract.noTheme')})
          </span>
        </li>
      ))}
    </ul>
  );
}
