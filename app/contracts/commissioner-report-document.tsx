/**
 * The commissioner report as a stand-alone HTML document the owner downloads, prints or
 * attaches to a mail. Rendered with React on the server, so every value is escaped.
 */
import { renderToStaticMarkup } from 'react-dom/server';

import { type Locale, translator } from '~/i18n';
import { formatDate, formatDateTime, intlLocale } from '~/i18n/format';
import { cancellerLabel, evaluationLabel, statusLabel } from '~/sessions/labels';
import { helsinkiInstant, type LocalDate } from '~/time/helsinki';

import type { CommissionerReport } from './commissioner-report.server';

const styles = `
body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #0f172a; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
th, td { border-bottom: 1px solid #cbd5e1; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
dt { font-weight: 600; } dd { margin: 0 0 0.5rem; }
.note { color: #475569; font-size: 0.9rem; }
`;

function Report({ report, locale }: { report: CommissionerReport; locale: Locale }) {
  const t = translator(locale);
  const date = (d: string | null) =>
    d ? formatDate(helsinkiInstant(d as LocalDate, '12:00'), locale) : '–';
  const title = t('report.title', { code: report.code });
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <title>{title}</title>
        <style>{styles}</style>
      </head>
      <body>
        <h1>{title}</h1>
        <p className="note">
          {t('report.generated', {
            date: formatDateTime(report.generatedAt, locale),
          })}
        </p>
        <dl>
          <dt>{t('report.commissioner')}</dt>
          <dd>{report.commissioner}</dd>
          <dt>{t('report.participants')}</dt>
          <dd>{report.participants.join(', ')}</dd>
          <dt>{t('report.supervisor')}</dt>
          <dd>{report.supervisor}</dd>
          <dt>{t('report.form')}</dt>
          <dd>{t(`contracts.form.${report.form}`)}</dd>
          <dt>{t('report.period')}</dt>
          <dd>
            {date(report.startsOn)} – {date(report.plannedEndOn)}
          </dd>
          <dt>{t('report.progress')}</dt>
          <dd>
            {t('report.progressValue', {
              used: report.progress.used,
              agreed: report.progress.agreed,
              upcoming: report.upcoming,
            })}
          </dd>
        </dl>
        <h2>{t('report.attendance')}</h2>
        {report.sessions.length === 0 ? (
          <p>{t('report.noSessions')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('report.date')}</th>
                <th scope="col">{t('report.status')}</th>
              </tr>
            </thead>
            <tbody>
              {report.sessions.map((s) => (
                <tr key={s.startsAt.toISOString()}>
                  <td>{formatDateTime(s.startsAt, locale)}</td>
                  <td>
                    {t(statusLabel[s.status])}
                    {s.status === 'cancelled' && s.cancelledBy
                      ? ` (${t(cancellerLabel[s.cancelledBy])}${s.cancelledLate ? `, ${t('report.late')}` : ''})`
                      : ''}
                    {s.status !== 'scheduled' && s.chargeable ? ` · ${t('report.charged')}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {report.disclosure === 'attendance_and_evaluations' ? (
          <>
            <h2>{t('report.outcomes')}</h2>
            <p className="note">{t('report.outcomesNote')}</p>
            {report.outcomes.length === 0 ? (
              <p>{t('report.noOutcomes')}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('report.goal')}</th>
                    <th scope="col">{t('report.evaluation')}</th>
                    <th scope="col">{t('report.superviseeScore')}</th>
                    <th scope="col">{t('report.supervisorScore')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.outcomes.map((o) => (
                    <tr key={`${o.kind}-${o.goal}`}>
                      <td>{o.goal}</td>
                      <td>{t(evaluationLabel[o.kind])}</td>
                      <td>
                        {o.supervisees === null
                          ? '–'
                          : `${o.supervisees.toLocaleString(intlLocale[locale])} / 5`}
                      </td>
                      <td>{o.supervisor === null ? '–' : `${o.supervisor} / 5`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        ) : null}
        <p className="note">{t('report.confidential')}</p>
      </body>
    </html>
  );
}

export function commissionerReportHtml(report: CommissionerReport, locale: Locale): string {
  return `<!doctype html>${renderToStaticMarkup(<Report report={report} locale={locale} />)}`;
}
