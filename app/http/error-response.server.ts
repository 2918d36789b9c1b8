import { sql } from 'drizzle-orm';
import type { ErrorRequestHandler, Request as ExpressRequest, Response } from 'express';

import type { Db } from '#db/client';
import { readCookie } from '~/auth/session.server';
import {
  isLocale,
  type Locale,
  localeFromAcceptLanguage,
  type MessageKey,
  translate,
} from '~/i18n';
import { LANGUAGE_COOKIE } from '~/i18n/locale.server';
import { errorTextFor } from '~/ui/error-text';

import { logServerError } from './log-error.server';
import { sanitizeCookieHeader } from './request-screen.server';

const PROBE_TIMEOUT_MS = 2_000;

/**
 * True when the database does not answer a trivial query within two seconds. Asked only
 * after something failed, to tell an outage (503) from a bug (500).
 */
export async function databaseIsDown(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), PROBE_TIMEOUT_MS);
  });
  const probe = db.execute(sql`select 1`).then(
    () => false,
    () => true,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function localeOf(req: ExpressRequest): Locale {
  const fromCookie = readCookie(sanitizeCookieHeader(req.headers.cookie), LANGUAGE_COOKIE);
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(req.get('accept-language') ?? null) ?? 'fi';
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * An error answered before (or instead of) the Remix app: a small translated page for
 * browsers, the same sentence as plain text for fetches (`.data`, scripts). The security
 * headers set at the start of the request stay on it.
 */
export function sendErrorPage(
  req: ExpressRequest,
  res: Response,
  status: number,
  messageKey?: MessageKey,
): void {
  const locale = localeOf(req);
  const text = errorTextFor(status);
  const title = translate(locale, text.title);
  const message = translate(locale, messageKey ?? text.message);
  res.status(status).set('Cache-Control', 'no-store');
  if (status === 503) res.set('Retry-After', '60');
  const wantsHtml = !req.path.endsWith('.data') && (req.get('accept') ?? '').includes('text/html');
  if (!wantsHtml) {
    res.type('text/plain').send(`${title}\n${message}\n`);
    return;
  }
  res
    .type('html')
    .send(
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
        '<meta name="viewport" content="width=device-width, initial-scale=1">' +
        `<title>${escapeHtml(title)} · Ohjaamo</title></head>` +
        `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>` +
        `<p><a href="/">${escapeHtml(translate(locale, 'error.backHome'))}</a></p></main></body></html>`,
    );
}

function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' && value >= 400 && value < 500 ? value : undefined;
}

/**
 * Express's last word: errors of Express itself (bad URLs, aborted bodies) and of the load
 * context. Express's own handler would answer with a bare page, replace our CSP (dropping
 * frame-ancestors) and print the error — database errors with their parameters — to stderr.
 */
export function expressErrorHandler(db: Db): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const clientStatus = clientErrorStatus(error);
    if (clientStatus) {
      sendErrorPage(req, res, clientStatus);
      return;
    }
    void databaseIsDown(db).then((down) => {
      if (!down) logServerError('request failed', error);
      sendErrorPage(req, res, down ? 503 : 500);
    });
  };
}
