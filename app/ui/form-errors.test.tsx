/**
 * The error summary at the top of a failed form names each field once, by its label, with
 * what is wrong, and links to it; rendered as the server sends it (no JavaScript needed).
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

import { FormErrors } from './form';

// Rendered as the server renders a page: a data router whose root loader says the language.
async function renderHtml(element: ReactElement, locale: string): Promise<string> {
  const handler = createStaticHandler([
    { id: 'root', path: '/', loader: () => ({ locale }), element },
  ]);
  const context = await handler.query(new Request('https://ohjaamo.example/'));
  if (context instanceof Response) throw new Error('the test route answered with a response');
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />);
}

async function renderSummary(failure: FormFailure, labels: Record<string, string>, locale: string) {
  const html = await renderHtml(<FormErrors failure={failure} labels={labels} />, locale);
  // Text of each summary line, tags stripped.
  return [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ''));
}

const failure: FormFailure = {
  fieldErrors: {
    startsOn: ['form.required'],
    code: ['form.required'],
    email: ['form.invalidEmail'],
  },
  values: { startsOn: '', code: '', email: 'x@' },
};

describe('FormErrors', () => {
  it('names each field by its label, one line per field, in Finnish', async () => {
    const lines = await renderSummary(
      failure,
      { startsOn: 'Aloituspäivä', code: 'Sopimustunnus', email: 'Sähköposti' },
      'fi',
    );
    expect(lines).toEqual([
      'Aloituspäivä: pakollinen',
      'Sopimustunnus: pakollinen',
      'Sähköposti: Tarkista sähköpostiosoite.',
    ]);
  });

  it('says the same in English', async () => {
    const lines = await renderSummary(
      failure,
      { startsOn: 'Start date', code: 'Code', email: 'E-mail' },
      'en',
    );
    expect(lines).toEqual([
      'Start date: required',
      'Code: required',
      'E-mail: Please check the e-mail address.',
    ]);
  });

  it('links each line to its field', async () => {
    const html = await renderHtml(<FormErrors failure={failure} />, 'fi');
    expect(html).toContain('href="#field-startsOn"');
    expect(html).toContain('href="#field-email"');
  });
});
