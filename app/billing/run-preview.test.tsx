/**
 * The run preview's list of left-out sessions, as the server renders it: a session left out
 * for its payer's missing address links to where that address is filled in — the client's
 * edit form for a supervisee who pays, the commissioner's page for a commissioner.
 */
import { renderToString } from 'react-dom/server';
import {
  createStaticHandler,
  createStaticRouter,
  StaticRouterProvider,
} from 'react-router-dom/server';
import { describe, expect, it } from 'vitest';

import type { RunLeftOut } from './invoice-run.server';
import { LeftOutList } from './run-preview';

async function renderList(sessions: RunLeftOut[]): Promise<string> {
  const handler = createStaticHandler([
    {
      id: 'root',
      path: '/',
      loader: () => ({ locale: 'fi' }),
      element: <LeftOutList sessions={sessions} />,
    },
  ]);
  const context = await handler.query(new Request('https://ohjaamo.example/'));
  if (context instanceof Response) throw new Error('the test route answered with a response');
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />);
}

const session = (n: number) => ({
  sessionId: `session-${n}`,
  contractId: `contract-${n}`,
  contractCode: `TO-2027-${n}`,
  startsAt: new Date(`2027-03-0${n}T07:00:00Z`),
});

describe('the left-out sessions of a run', () => {
  it('link a missing payer address to the client’s form or the commissioner’s page', async () => {
    const html = await renderList([
      { ...session(1), reason: 'payerAddressMissing', payerKind: 'supervisee', payerId: 'c-1' },
      { ...session(2), reason: 'payerAddressMissing', payerKind: 'commissioner', payerId: 'k-2' },
      { ...session(3), reason: 'noOutcome' },
    ]);
    const items = [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1] ?? '');
    expect(items).toHaveLength(3);
    expect(items[0]).toContain('href="/clients/c-1/edit"');
    expect(items[0]).toContain('Maksajan laskutusosoite puuttuu');
    expect(items[0]).toContain('täydennä osoite');
    expect(items[1]).toContain('href="/commissioners/k-2"');
    expect(items[2]).toContain('Toteutuminen kirjaamatta');
    expect(items[2]).not.toContain('täydennä osoite');
    expect(items[2]?.match(/href=/g)).toHaveLength(1);
  });
});
