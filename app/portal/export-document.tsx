/**
 * The supervisee's export as a stand-alone HTML document to read, print or keep: one heading
 * per part, dates in the reader's language and Helsinki time, no scripts. Rendered with React
 * on the server, so every value is escaped. The supervisee's own work (actions, reflections,
 * evaluations, exercises, feedback) is in ./export-document-parts.
 */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

import type { SessionStatus } from '#db/schema/values';
import { formatDay } from '~/contracts/display';
import { type Locale, translator } from '~/i18n';
import { formatDate, formatDateTime } from '~/i18n/format';
import { themes } from '~/notes/themes';

import { cancellationRule, sessionStateText } from './contract-parts';
import type { ExportedContract, ExportedSession, SuperviseeExport } from './export.server';
import {
  ActionsPart,
  type DocumentProps,
  EvaluationsPart,
  ExercisesPart,
  FeedbackPart,
  MessagesPart,
  Part,
  ReflectionsPart,
  Text,
} from './export-document-parts';
import { isWebAddress } from './meeting-place';

const styles = `
body { font-family: system-ui, sans-serif; line-height: 1.45; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #0f172a; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 1px solid #94a3b8; }
h3 { font-size: 1.1rem; margin-top: 1.4rem; } h4 { font-size: 1rem; margin: 0.8rem 0 0.2rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border-bottom: 1px solid #cbd5e1; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
dt { font-weight: 600; } dd { margin: 0 0 0.5rem; }
.text { white-space: pre-line; overflow-wrap: anywhere; }
.note { color: #475569; font-size: 0.9rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2, h3, h4 { break-after: avoid; }
  tr, article { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

function PlaceText({ place, remoteLink }: { place: string | null; remoteLink: string | null }) {
  return (
    <>
      {place}
      {place && remoteLink ? ', ' : null}
      {isWebAddress(remoteLink) ? <a href={remoteLink}>{remoteLink}</a> : remoteLink}
      {!place && !remoteLink ? '–' : null}
    </>
  );
}

function ContractArticle({ contract, t, locale }: DocumentProps & { contract: ExportedContract }) {
  const period = contract.plannedEndOn
    ? t('portal.contract.periodRange', {
        start: formatDay(contract.startsOn, locale),
        end: formatDay(contract.plannedEndOn, locale),
      })
    : t('portal.contract.periodOpen', { start: formatDay(contract.startsOn, locale) });
  const { used, agreed } = contract.progress;
  const rows: [string, ReactNode][] = [
    [t('portalExport.doc.form'), t(`contracts.form.${contract.form}`)],
    [t('portalExport.doc.status'), t(`contracts.status.${contract.status}`)],
    [t('portal.contract.supervisor'), contract.supervisorName],
    [
      t('portal.contract.guidingQuestion'),
      contract.guidingQuestion ? <span className="text">{contract.guidingQuestion}</span> : '–',
    ],
    [
      t('portal.contract.goals'),
      contract.goals.length === 0 ? (
        t('portal.contract.noGoals')
      ) : (
        <ul>
          {contract.goals.map((goal, i) => (
            <li key={i} className="text">
              {goal.text} ({goal.theme ? t(`theme.${goal.theme}`) : t('portal.contract.noTheme')})
            </li>
          ))}
        </ul>
      ),
    ],
    [t('portal.contract.methods'), contract.methods ?? '–'],
    [t('portal.contract.period'), period],
    [
      t('portal.contract.rhythm'),
      contract.rhythmWeeks
        ? t('portal.contract.rhythmWeeks', {
            minutes: contract.sessionMinutes,
            weeks: contract.rhythmWeeks,
          })
        : t('portal.contract.rhythmFree', { minutes: contract.sessionMinutes }),
    ],
    [
      t('portal.contract.progress'),
      used === 0
        ? t('portal.contract.progressNone', { agreed })
        : t('portal.contract.progressOf', { used, agreed }),
    ],
    [t('portalExport.doc.place'), <PlaceText key="place" {...contract} />],
    [
      t('portal.contract.cancellation'),
      cancellationRule(t, {
        cancellationNoticeHours: contract.cancellation.noticeHours,
        chargeLateCancellation: contract.cancellation.lateCancellationCharged,
        chargeNoShow: contract.cancellation.missedSessionCharged,
      }).join(' '),
    ],
  ];
  return (
    <article>
      <h3>{t('portal.contract.title', { code: contract.code })}</h3>
      <dl>
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

const statusOf: Record<ExportedSession['outcome'], SessionStatus> = {
  scheduled: 'scheduled',
  held: 'held',
  cancelled: 'cancelled',
  missed: 'no_show',
};

function SessionTable({ sessions, t, locale }: DocumentProps & { sessions: ExportedSession[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('portalExport.doc.when')}</th>
          <th scope="col">{t('portalExport.doc.duration')}</th>
          <th scope="col">{t('portalExport.doc.outcome')}</th>
          <th scope="col">{t('portalExport.doc.place')}</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((session) => (
          <tr key={session.id}>
            <td>{formatDateTime(session.startsAt, locale)}</td>
            <td>{t('portalExport.doc.minutes', { minutes: session.durationMinutes })}</td>
            <td>
              {sessionStateText(t, {
                ...session,
                status: statusOf[session.outcome],
                chargeable: session.chargedAsCancelledOrMissed,
              })}
            </td>
            <td>
              <PlaceText {...session} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ExportDocument({ data, t, locale }: DocumentProps & { data: SuperviseeExport }) {
  const title = t('portalExport.doc.title', { practice: data.profile.practiceName });
  const props = { t, locale };
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style>{styles}</style>
      </head>
      <body>
        <header>
          <h1>{title}</h1>
          <p className="note">
            {t('portalExport.doc.generated', { date: formatDateTime(data.generatedAt, locale) })}
          </p>
        </header>
        <main>
          <Part id="profile" title={t('portalExport.doc.profile')} empty={false}>
            <dl>
              <dt>{t('portalExport.doc.name')}</dt>
              <dd>{data.profile.name}</dd>
              <dt>{t('portalExport.doc.email')}</dt>
              <dd>{data.profile.email}</dd>
              <dt>{t('portalExport.doc.practice')}</dt>
              <dd>{data.profile.practiceName}</dd>
            </dl>
          </Part>
          <Part
            id="contracts"
            title={t('portalExport.doc.contracts')}
            empty={data.contracts.length === 0 && t('portalExport.doc.noContracts')}
          >
            {data.contracts.map((contract) => (
              <ContractArticle key={contract.id} contract={contract} {...props} />
            ))}
          </Part>
          <Part
            id="sessions"
            title={t('portalExport.doc.sessions')}
            empty={data.sessions.length === 0 && t('portalExport.doc.noSessions')}
          >
            {data.contracts.map((contract) => {
              const sessions = data.sessions.filter((s) => s.contractId === contract.id);
              return sessions.length === 0 ? null : (
                <div key={contract.id}>
                  <h3>{t('portal.contract.title', { code: contract.code })}</h3>
                  <SessionTable sessions={sessions} {...props} />
                </div>
              );
            })}
          </Part>
          <Part
            id="summaries"
            title={t('portalExport.doc.summaries')}
            empty={data.summaries.length === 0 && t('portalExport.doc.noSummaries')}
          >
            {data.summaries.map((summary) => {
              const written = themes.filter((theme) => summary.themes[theme].trim() !== '');
              return (
                <article key={summary.sessionId}>
                  <h3>
                    {t('portalExport.doc.sessionOf', {
                      date: formatDate(summary.sessionStartsAt, locale),
                      code: summary.contractCode,
                    })}
                  </h3>
                  <p className="note">
                    {t(
                      summary.revision > 1
                        ? 'portal.summaries.revised'
                        : 'portal.summaries.published',
                      { date: formatDate(summary.publishedAt, locale) },
                    )}
                  </p>
                  {written.length === 0 ? <p>{t('portal.summaries.noThemes')}</p> : null}
                  {written.map((theme) => (
                    <div key={theme}>
                      <h4>{t(`theme.${theme}`)}</h4>
                      <Text>{summary.themes[theme]}</Text>
                    </div>
                  ))}
                </article>
              );
            })}
          </Part>
          <ActionsPart data={data} {...props} />
          <ReflectionsPart data={data} {...props} />
          <MessagesPart data={data} {...props} />
          <EvaluationsPart data={data} {...props} />
          <ExercisesPart data={data} {...props} />
          <FeedbackPart data={data} {...props} />
        </main>
        <footer>
          <p className="note">{t('portalExport.doc.footer')}</p>
        </footer>
      </body>
    </html>
  );
}

/** The export as a complete HTML document in the reader's language. */
export function superviseeExportHtml(data: SuperviseeExport, locale: Locale): string {
  return `<!doctype html>${renderToStaticMarkup(
    <ExportDocument data={data} t={translator(locale)} locale={locale} />,
  )}`;
}
