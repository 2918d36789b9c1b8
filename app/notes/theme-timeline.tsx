import { formatDate } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';

import { themes } from './themes';
import type { TimelinePoint } from './themes-over-time.server';

const ROW_HEIGHT = 28;
const COLUMN_WIDTH = 44;
const LABEL_WIDTH = 170;
const TOP = 8;

/**
 * Which themes each session addressed, as a dot chart: one row per theme, one column per
 * session, numbered from `firstNumber` (a part of a long timeline starts further on). The
 * same facts are in a table for screen readers and for anyone who prefers text; the chart
 * names itself and leaves the session by session account to the table, so the sessions are
 * written out once, not twice.
 */
export function ThemeTimeline({
  points,
  firstNumber = 1,
}: {
  points: TimelinePoint[];
  firstNumber?: number;
}) {
  const t = useT();
  const locale = useLocale();
  if (points.length === 0) return <p>{t('notes.timelineEmpty')}</p>;
  const width = LABEL_WIDTH + points.length * COLUMN_WIDTH + 8;
  const height = TOP + themes.length * ROW_HEIGHT + 24;
  const themeNames = new Map(themes.map((theme) => [theme, t(`theme.${theme}`)]));
  return (
    <figure className="flex flex-col gap-3">
      {/* A chart wider than a phone scrolls sideways; the region takes focus so that it can be
          scrolled with the keyboard too. */}
      <div
        role="region"
        aria-label={t('notes.timelineTitle')}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        tabIndex={0}
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-3 focus-visible:outline focus-visible:outline-2 focus-visible:outline-teal-800"
      >
        <svg
          role="img"
          aria-labelledby="timeline-title"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          className="text-slate-800"
        >
          <title id="timeline-title">{t('notes.timelineTitle')}</title>
          {themes.map((theme, row) => (
            <g key={theme}>
              <text x={0} y={TOP + row * ROW_HEIGHT + 18} fontSize="13" fill="currentColor">
                {themeNames.get(theme)}
              </text>
              <line
                x1={LABEL_WIDTH}
                x2={width - 8}
                y1={TOP + row * ROW_HEIGHT + 14}
                y2={TOP + row * ROW_HEIGHT + 14}
                stroke="#cbd5e1"
              />
            </g>
          ))}
          {points.map((point, column) => {
            const x = LABEL_WIDTH + column * COLUMN_WIDTH + COLUMN_WIDTH / 2;
            return (
              <g key={point.sessionId}>
                {themes.map((theme, row) =>
                  point.themes.includes(theme) ? (
                    <circle
                      key={theme}
                      cx={x}
                      cy={TOP + row * ROW_HEIGHT + 14}
                      r={8}
                      fill="#115e59"
                    />
                  ) : null,
                )}
                <text x={x} y={height - 6} fontSize="12" textAnchor="middle" fill="currentColor">
                  {firstNumber + column}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <details>
          <summary className="cursor-pointer">{t('notes.timelineAsText')}</summary>
          <table className="mt-2 w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3">
                  #
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t('notes.timelineDate')}
                </th>
                <th scope="col" className="py-1">
                  {t('notes.themesAddressed')}
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((point, i) => (
                <tr key={point.sessionId} className="border-t border-slate-200">
                  <td className="py-1 pr-3">{firstNumber + i}</td>
                  <td className="py-1 pr-3">{formatDate(new Date(point.startsAt), locale)}</td>
                  <td className="py-1">
                    {point.themes.length
                      ? point.themes.map((th) => themeNames.get(th)).join(', ')
                      : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
