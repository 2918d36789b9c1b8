/**
 * A sealed note text copied onto another session's row does not open there. The notes page
 * answers with a translated "cannot be opened" page (409), never a stack trace or the text
 * of the other session, and the server log says which row and field, without any text.
 */
import { eq } from 'drizzle-orm';
import { renderToString } from 'react-dom/server';
import { Outlet, useRouteError } from 'react-router-dom';
import {
  createStaticHandler,
  createStaticRouter,
  StaticRouterProvider,
} from 'react-router-dom/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import type { Database } from '#db/client';
import { sessionNotes } from '#db/schema';
import { loadContextFor, testContext } from '#db/testing/context';
import { createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase } from '#db/testing/test-database';
import * as notesRoute from '~/routes/_app.sessions.$sessionId.notes';
import { ErrorMessage } from '~/ui/error-page';

import { emptyPrivateNote, emptySharedDraft } from './content';
import { saveNote } from './save-note.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
afterEach(() => vi.restoreAllMocks());
const db = () => database.db;

const SECRET = 'Kertoi sairauslomastaan';

async function twoSessionsOneCopied() {
  const { owner } = await createPracticeWithOwner(db());
  const { contractId } = await createContractFixture(db(), owner);
  const [source, target] = await Promise.all(
    ['2026-11-10T08:00:00Z', '2026-11-17T08:00:00Z'].map((startsAt) =>
      insertSession(db(), {
        practiceId: owner.practiceId,
        contractId,
        supervisorId: owner.userId,
        startsAt: new Date(startsAt),
        status: 'held',
      }),
    ),
  );
  if (!source || !target) throw new Error('sessions were not created');
  for (const [sessionId, power] of [
    [source, SECRET],
    [target, 'Toisen istunnon teksti'],
  ] as const) {
    const input = {
      baseVersion: 0,
      private: { ...emptyPrivateNote, power },
      shared: emptySharedDraft,
      themes: null,
    };
    await saveNote(testContext(db()), owner, sessionId, input);
  }
  const [copied] = await db()
    .select({ privateEncrypted: sessionNotes.privateEncrypted })
    .from(sessionNotes)
    .where(eq(sessionNotes.sessionId, source));
  await db()
    .update(sessionNotes)
    .set({ privateEncrypted: copied?.privateEncrypted ?? null })
    .where(eq(sessionNotes.sessionId, target));
  return { owner, target };
}

async function thrownBy(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => {
      throw new Error('expected the loader to refuse');
    },
    (thrown: unknown) => thrown,
  );
}

async function renderErrorPage(thrown: unknown, locale: string): Promise<string> {
  function Boundary() {
    return <ErrorMessage error={useRouteError()} />;
  }
  const handler = createStaticHandler([
    {
      id: 'root',
      path: '/',
      loader: () => ({ locale }),
      element: <Outlet />,
      children: [
        {
          index: true,
          loader: () => {
            throw thrown;
          },
          errorElement: <Boundary />,
        },
      ],
    },
  ]);
  const context = await handler.query(new Request('https://ohjaamo.example/'));
  if (context instanceof Response) throw new Error('the test route answered with a response');
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />);
}

describe('a sealed text copied from another session', () => {
  it('is refused with a translated 409 page and a log line naming the row, not the text', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { owner, target } = await twoSessionsOneCopied();
    const context = await loadContextFor(db(), owner.userId);
    const request = new Request(`http://localhost/sessions/${target}/notes`);
    const thrown = await thrownBy(() =>
      notesRoute.loader({ request, params: { sessionId: target }, context }),
    );
    if (!(thrown instanceof Response)) throw thrown;
    expect(thrown.status).toBe(409);
    const body = await thrown.clone().text();
    expect(JSON.parse(body)).toEqual({ messageKey: 'error.unreadable' });

    const logged = warn.mock.calls.map((call) => call.join(' ')).join('\n');
    expect(logged).toContain(`session-note:${target}:private`);
    expect(logged).not.toContain(SECRET);

    const fi = await renderErrorPage(thrown.clone(), 'fi');
    expect(fi).toContain('Tekstiä ei voi avata');
    expect(fi).toContain('Tapahtuma on kirjattu lokiin');
    const en = await renderErrorPage(thrown.clone(), 'en');
    expect(en).toContain('The text cannot be opened');
    expect(en).toContain('This was logged');
    for (const html of [fi, en]) {
      expect(html).not.toContain(SECRET);
      expect(html).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });
});
