/**
 * The correction form of a past group session as the server renders it (no JavaScript): who
 * came, the allowance warning, and a refused submission shown with each error named in the
 * summary and tied to its field.
 */
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import {
  createStaticHandler,
  createStaticRouter,
  StaticRouterProvider,
} from 'react-router-dom/server';
import { describe, expect, it } from 'vitest';

import type { FormFailure } from '~/forms/parse';

import { CorrectionForm } from './outcome-correction-forms';

async function renderHtml(element: ReactElement, locale: string): Promise<string> {
  const handler = createStaticHandler([
    { id: 'root', path: '/', loader: () => ({ locale }), element },
  ]);
  const context = await handler.query(new Request('https://ohjaamo.example/'));
  if (context instanceof Response) throw new Error('the test route answered with a response');
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />);
}

const participants = [
  { id: 'maria', name: 'Maria Lehtonen', attended: null },
  { id: 'olli', name: 'Olli Aho', attended: null },
];

const refused: FormFailure = {
  fieldErrors: {
    confirmCorrection: ['sessions.confirmCorrectionRequired'],
    cancelledAt: ['sessions.cancelledAtFuture'],
  },
  values: { intent: 'correct', status: 'cancelled', cancelledBy: 'supervisee' },
};

const summaryLines = (html: string) =>
  [...html.matchAll(/<li><a [^>]*>(.*?)<\/a><\/li>/g)].map((m) => m[1] ?? '');

describe('the correction form', () => {
  it('asks who came, warns about the allowance, and names each refused field (fi)', async () => {
    const html = await renderHtml(
      <CorrectionForm
        current="no_show"
        failure={refused}
        attendance={{ participants, sent: ['olli'] }}
        pastAllowance={{ agreed: 8, counted: 8 }}
      />,
      'fi',
    );
    expect(html).toContain('Jos istunto pidettiin: ketkä olivat paikalla?');
    // As sent: Olli ticked, Maria not.
    expect(html).toMatch(/id="attended-olli"[^>]* checked=""/);
    expect(html).not.toMatch(/id="attended-maria"[^>]* checked=""/);
    expect(html).toContain('Sopimuksessa on sovittu 8 istuntoa, ja muita istuntoja on jo 8.');
    expect(summaryLines(html)).toEqual([
      'Vahvistan, että korjaan jo kirjattua toteutumista: Vahvista korjaus rastittamalla ruutu.',
      'Milloin peruttiin: Peruutuksen aika ei voi olla tulevaisuudessa.',
    ]);
    expect(html).toMatch(
      /id="field-confirmCorrection" name="confirmCorrection" aria-invalid="true" aria-describedby="field-confirmCorrection-error"/,
    );
    expect(html).toContain('id="field-confirmCorrection-error"');
  });

  it('says the same in English', async () => {
    const html = await renderHtml(
      <CorrectionForm
        current="no_show"
        failure={refused}
        attendance={{ participants, sent: undefined }}
        pastAllowance={{ agreed: 8, counted: 8 }}
      />,
      'en',
    );
    expect(html).toContain('If the session was held: who was present?');
    expect(html).toContain('The contract agrees on 8 sessions, and it already has 8 others.');
    expect(summaryLines(html)[0]).toBe(
      'I confirm that I am correcting an outcome already recorded: Confirm the correction by ticking the box.',
    );
  });

  it('does not ask who came when "held" is not among the outcomes to choose', async () => {
    const html = await renderHtml(
      <CorrectionForm
        current="held"
        failure={undefined}
        attendance={{ participants, sent: undefined }}
        pastAllowance={null}
      />,
      'fi',
    );
    expect(html).not.toContain('name="attended"');
    expect(html).not.toContain('ylimääräiseksi');
  });

  it('keeps "cancelled" as a choice for a cancelled session, to correct who or when', async () => {
    const html = await renderHtml(
      <CorrectionForm
        current="cancelled"
        failure={undefined}
        attendance={null}
        pastAllowance={null}
      />,
      'en',
    );
    expect(html).toMatch(/<option value="held" selected="">/);
    expect(html).toContain('<option value="cancelled">');
  });
});
