/**
 * The day view as the server renders it: today's column carries a line at the time the page
 * was made, placed on the quarter hour and its five minutes; another day, or a time outside
 * the hours shown, has none.
 */
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import {
  createStaticHandler,
  createStaticRouter,
  StaticRouterProvider,
} from 'react-router-dom/server';
import { describe, expect, it } from 'vitest';

import { TimeGrid } from './time-grid';

async function renderHtml(element: ReactElement): Promise<string> {
  const handler = createStaticHandler([
    { id: 'root', path: '/', loader: () => ({ locale: 'fi' }), element },
  ]);
  const context = await handler.query(new Request('https://ohjaamo.example/'));
  if (context instanceof Response) throw new Error('the test route answered with a response');
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />);
}

const day = (date: string, nowTime: string, today = '2026-12-01') =>
  renderHtml(
    <TimeGrid
      days={[date]}
      sessions={[]}
      today={today}
      nowTime={nowTime}
      bookHref={(d, time) => `/sessions/new?date=${d}&time=${time}`}
      sessionHref={(s) => `/sessions/${s.id}`}
    />,
  );

const nowLines = (html: string) =>
  [...html.matchAll(/<div[^>]*data-now-line="([^"]*)"[^>]*>/g)].map((m) => ({
    time: m[1],
    tag: m[0],
  }));

describe('the "now" line of the calendar', () => {
  it("marks the time on today's column, to the quarter hour and five minutes", async () => {
    const [line, ...more] = nowLines(await day('2026-12-01', '14:37'));
    expect(more).toEqual([]);
    expect(line?.time).toBe('14.37');
    // 7.00 is line 1: 14.30 is quarter 30, so line 31, and 14.37 two five-minute steps in.
    expect(line?.tag).toContain('row-start-31');
    expect(line?.tag).toContain('mt-1');
    expect(line?.tag).toContain('aria-hidden="true"');
    expect(line?.tag).toContain('title="Nyt 14.37"');
  });

  it('is not drawn on another day, nor outside the hours shown', async () => {
    expect(nowLines(await day('2026-12-02', '14:37'))).toEqual([]);
    expect(nowLines(await day('2026-12-01', '23:10'))).toEqual([]);
  });
});
