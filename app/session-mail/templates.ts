/**
 * Mail to supervisees. They have no language setting of their own (most have no account),
 * so every mail is in Finnish with the same text in English below it.
 */
import { type Locale, translate } from '~/i18n';
import type { MessageKey } from '~/i18n/catalogue';
import { formatDate, formatTime } from '~/i18n/format';

interface Email {
  subject: string;
  text: string;
}

/** What a session mail may tell: time, place, remote link and the supervisor's name. */
export interface SessionMailFacts {
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  remoteLink: string | null;
  supervisorName: string;
}

export type SessionMailKind = 'booked' | 'changed' | 'cancelled' | 'reminder';

const bilingualOrder: readonly Locale[] = ['fi', 'en'];

function bilingual(lines: (locale: Locale) => string[]): string {
  const blocks = bilingualOrder.map((locale) =>
    [translate(locale, 'email.greeting'), '', ...lines(locale)].join('\n'),
  );
  return [blocks.join('\n\n* * *\n\n'), '', translate('fi', 'email.signature'), ''].join('\n');
}

function bilingualSubject(key: MessageKey, params: (locale: Locale) => Record<string, string>) {
  return bilingualOrder.map((locale) => translate(locale, key, params(locale))).join(' / ');
}

const at = (date: Date) => (locale: Locale) => ({
  date: formatDate(date, locale),
  time: formatTime(date, locale),
});

function sessionLines(locale: Locale, facts: SessionMailFacts): string[] {
  const t = (key: MessageKey, params?: Record<string, string>) => translate(locale, key, params);
  return [
    t('sessionMail.when', {
      date: formatDate(facts.startsAt, locale),
      start: formatTime(facts.startsAt, locale),
      end: formatTime(facts.endsAt, locale),
    }),
    ...(facts.place ? [t('sessionMail.place', { place: facts.place })] : []),
    ...(facts.remoteLink ? [t('sessionMail.remote', { link: facts.remoteLink })] : []),
    t('sessionMail.supervisor', { name: facts.supervisorName }),
  ];
}

const subjectKey = {
  booked: 'sessionMail.booked.subject',
  changed: 'sessionMail.changed.subject',
  cancelled: 'sessionMail.cancelled.subject',
  reminder: 'sessionMail.reminder.subject',
} as const satisfies Record<SessionMailKind, MessageKey>;

const bodyKey = {
  booked: 'sessionMail.booked.body',
  changed: 'sessionMail.changed.body',
  cancelled: 'sessionMail.cancelled.body',
  reminder: 'sessionMail.reminder.body',
} as const satisfies Record<SessionMailKind, MessageKey>;

/** Booking, change, cancellation or reminder of one session. */
export function sessionEmail(
  kind: SessionMailKind,
  facts: SessionMailFacts,
  options: { previousStartsAt?: Date | null | undefined; calendarAttached: boolean },
): Email {
  const { previousStartsAt } = options;
  return {
    subject: bilingualSubject(subjectKey[kind], at(facts.startsAt)),
    text: bilingual((locale) => [
      translate(locale, bodyKey[kind]),
      '',
      ...sessionLines(locale, facts),
      ...(kind === 'changed' && previousStartsAt
        ? ['', translate(locale, 'sessionMail.changed.previous', at(previousStartsAt)(locale))]
        : []),
      ...(options.calendarAttached
        ? [
            '',
            translate(
              locale,
              kind === 'cancelled' ? 'sessionMail.calendar.cancel' : 'sessionMail.calendar.request',
            ),
          ]
        : []),
      '',
      translate(locale, 'sessionMail.questions'),
    ]),
  };
}

/** "A summary was published": the session's date and where to read it, never its text. */
export function summaryPublishedEmail(args: { sessionStartsAt: Date; portalUrl: string }): Email {
  const date = (locale: Locale) => ({ date: formatDate(args.sessionStartsAt, locale) });
  return {
    subject: bilingualSubject('sessionMail.summary.subject', date),
    text: bilingual((locale) => [
      translate(locale, 'sessionMail.summary.body', date(locale)),
      args.portalUrl,
    ]),
  };
}

/** The neutral event title of the .ics: in both languages, never anyone's name. */
export const invitationTitle = () =>
  bilingualOrder.map((locale) => translate(locale, 'sessionMail.title')).join(' / ');

/** The .ics description: who supervises and the remote link, in both languages. */
export function invitationDescription(facts: SessionMailFacts): string {
  return bilingualOrder
    .flatMap((locale) => [
      translate(locale, 'sessionMail.supervisor', { name: facts.supervisorName }),
      ...(facts.remoteLink
        ? [translate(locale, 'sessionMail.remote', { link: facts.remoteLink })]
        : []),
    ])
    .join('\n');
}
