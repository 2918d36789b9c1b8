import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';

import type { MessageKey } from '~/i18n';
import { formatDate, formatDateTime, formatTime } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';
import { helsinkiDate } from '~/time/helsinki';
import { DetailList } from '~/ui/detail-list';

import { cancellerLabel, chargeReason, evaluationLabel, statusLabel, weekdayLabel } from './labels';
import type { SessionView } from './queries.server';

/** When, how long, with whom, in which state, and whether it is invoiced. */
export function SessionDetails({ view }: { view: SessionView }) {
  const t = useT();
  const locale = useLocale();
  const { session, contract, participants } = view;
  const minutes = Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000);
  const items: [string, ReactNode][] = [
    [
      t('sessions.date'),
      `${t(weekdayLabel(helsinkiDate(session.startsAt)))} ${formatDate(session.startsAt, locale)}`,
    ],
    [
      t('sessions.timeOfDay'),
      `${formatTime(session.startsAt, locale)}–${formatTime(session.endsAt, locale)}`,
    ],
    [t('sessions.length'), t('sessions.minutesValue', { minutes })],
    [
      t('sessions.contract'),
      <Link key="contract" to={`/contracts/${contract.id}`}>
        {contract.code}
      </Link>,
    ],
    [
      t('sessions.participants'),
      participants.length ? (
        <ul>
          {participants.map((p) => (
            <li key={p.id}>
              {p.name}
              {p.attended === null
                ? null
                : ` (${t(p.attended ? 'sessions.attended' : 'sessions.absent')})`}
            </li>
          ))}
        </ul>
      ) : null,
    ],
  ];
  if (session.evaluationKind) {
    items.push([t('sessions.evaluation'), t(evaluationLabel[session.evaluationKind])]);
  }
  if (session.location) items.push([t('sessions.location'), session.location]);
  if (session.extra) items.push([t('sessions.extra'), t('sessions.extraValue')]);
  items.push([t('sessions.statusLabel'), t(statusLabel[session.status])]);
  if (session.status === 'cancelled' && session.cancelledBy && session.cancelledAt) {
    const when = formatDateTime(session.cancelledAt, locale);
    const by = t(cancellerLabel[session.cancelledBy]);
    items.push([
      t('sessions.cancellation'),
      [t('sessions.cancellationBy', { by, when }), session.cancellationReason]
        .filter(Boolean)
        .join(' – '),
    ]);
  }
  items.push([t('sessions.chargeable'), t(chargeReason(session))]);
  if (session.chargeWaivedReason) items.push([t('sessions.waived'), session.chargeWaivedReason]);
  return <DetailList items={items} />;
}

const changeLabel: Record<SessionView['history'][number]['kind'], MessageKey> = {
  booked: 'sessions.change.booked',
  rescheduled: 'sessions.change.rescheduled',
  cancelled: 'sessions.change.cancelled',
  held: 'sessions.change.held',
  no_show: 'sessions.change.noShow',
  outcome_corrected: 'sessions.change.outcomeCorrected',
  charge_waived: 'sessions.change.chargeWaived',
};

/** Every booking, move and outcome of the session, oldest first. */
export function SessionHistory({ history }: { history: SessionView['history'] }) {
  const t = useT();
  const locale = useLocale();
  const when = (date: Date | null) => (date ? formatDateTime(date, locale) : '');
  return (
    <section aria-labelledby="history-heading" className="mt-8 flex flex-col gap-3">
      <h2 id="history-heading" className="text-lg font-semibold">
        {t('sessions.history')}
      </h2>
      <ol className="flex flex-col gap-1">
        {history.map((change) => (
          <li key={change.id}>
            <time dateTime={change.at.toISOString()} className="text-slate-700">
              {formatDateTime(change.at, locale)}
            </time>
            {' – '}
            {t(changeLabel[change.kind], {
              when: when(change.newStartsAt),
              // A correction's from/to are outcomes; a move's are times.
              from: change.previousStatus
                ? t(statusLabel[change.previousStatus])
                : when(change.previousStartsAt),
              to: change.newStatus ? t(statusLabel[change.newStatus]) : when(change.newStartsAt),
            })}
            {change.by ? <span className="text-slate-700"> ({change.by})</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The page's heading and the line under it: who, when and where. */
export function useSessionHeading(view: SessionView, place: string | null) {
  const t = useT();
  const locale = useLocale();
  const { session, contract, participants } = view;
  const who = participants.map((p) => p.name).join(', ') || contract.code;
  return {
    title: t('sessions.heading', {
      who,
      date: `${t(weekdayLabel(helsinkiDate(session.startsAt)))} ${formatDate(session.startsAt, locale)}`,
      start: formatTime(session.startsAt, locale),
      end: formatTime(session.endsAt, locale),
    }),
    lead: place ? t('sessions.headingPlace', { place }) : undefined,
  };
}
