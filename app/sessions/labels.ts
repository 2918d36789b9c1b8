/** How sessions are described to people: shared by the calendar and the session page. */
import type { Canceller, EvaluationKind, SessionStatus } from '#db/schema/values';
import type { Locale, MessageKey } from '~/i18n';
import { isoWeekday, type LocalDate } from '~/time/helsinki';

export const statusLabel: Record<SessionStatus, MessageKey> = {
  scheduled: 'sessions.status.scheduled',
  held: 'sessions.status.held',
  cancelled: 'sessions.status.cancelled',
  no_show: 'sessions.status.noShow',
};

export const cancellerLabel: Record<Canceller, MessageKey> = {
  supervisee: 'sessions.cancelledBy.supervisee',
  supervisor: 'sessions.cancelledBy.supervisor',
  practice: 'sessions.cancelledBy.practice',
};

export const evaluationLabel: Record<EvaluationKind | 'none', MessageKey> = {
  none: 'sessions.evaluation.none',
  start: 'sessions.evaluation.start',
  middle: 'sessions.evaluation.middle',
  end: 'sessions.evaluation.end',
};

const weekdayLabels: MessageKey[] = [
  'sessions.weekday.monday',
  'sessions.weekday.tuesday',
  'sessions.weekday.wednesday',
  'sessions.weekday.thursday',
  'sessions.weekday.friday',
  'sessions.weekday.saturday',
  'sessions.weekday.sunday',
];

export function weekdayLabel(date: LocalDate): MessageKey {
  return weekdayLabels[isoWeekday(date) - 1] ?? 'sessions.weekday.monday';
}

/** A date without its year, as a calendar column shows it: 23.11. in Finnish, 23/11 in English. */
export function shortDate(date: LocalDate, locale: Locale): string {
  const [, month, day] = date.split('-').map(Number);
  return locale === 'fi' ? `${day}.${month}.` : `${day}/${month}`;
}

/** Why a session is or is not invoiced, in the terms of its contract. */
export function chargeReason(session: {
  status: SessionStatus;
  chargeable: boolean;
  cancelledLate: boolean | null;
  cancelledBy: Canceller | null;
  chargeWaivedReason: string | null;
}): MessageKey {
  if (session.chargeWaivedReason !== null && !session.chargeable) return 'sessions.charge.waived';
  switch (session.status) {
    case 'scheduled':
      return 'sessions.charge.scheduled';
    case 'held':
      return 'sessions.charge.held';
    case 'no_show':
      return session.chargeable ? 'sessions.charge.noShowCharged' : 'sessions.charge.noShowFree';
    case 'cancelled':
      if (!session.cancelledLate) return 'sessions.charge.onTime';
      if (session.cancelledBy === 'supervisor' || session.cancelledBy === 'practice')
        return 'sessions.charge.notByClient';
      return session.chargeable ? 'sessions.charge.lateCharged' : 'sessions.charge.lateFree';
  }
}
