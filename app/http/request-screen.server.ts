/**
 * Hostile input is refused here, once, before any route sees it: a route can then trust that
 * a body is a form it can read and that no text holds a NUL character (PostgreSQL cannot
 * store one in a text column, so it would otherwise fail the query with a 500).
 */
import type { IncomingMessage } from 'node:http';

import type { MessageKey } from '~/i18n';

/** Larger than any form of the app; uploads are not part of it. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * The one place that takes JSON: Stripe's webhook, whose signature is checked on the raw
 * body by its route. The body still must be UTF-8 JSON without NUL characters.
 */
const JSON_PATHS = new Set(['/webhooks/stripe']);

export type Screened =
  | { ok: true; body: Uint8Array<ArrayBuffer> | undefined }
  | { ok: false; status: number; messageKey: MessageKey };

const refuse = (status: number, messageKey: MessageKey): Screened => ({
  ok: false,
  status,
  messageKey,
});

const hasNul = (text: string) => text.includes('\u0000');

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * The Cookie header without the pairs no part of the app could have set: values with broken
 * %-encoding or control characters. A stray cookie of another app on the same host must not
 * make every page fail.
 */
export function sanitizeCookieHeader(header: string | undefined): string | undefined {
  if (!header) return header;
  const kept = header.split(';').filter((pair) => {
    const value = safeDecode(pair.slice(pair.indexOf('=') + 1).trim());
    // eslint-disable-next-line no-control-regex -- control characters are what is dropped
    return value !== undefined && !/[\u0000-\u001f\u007f]/.test(value);
  });
  return kept.length > 0 ? kept.join(';') : undefined;
}

async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | 'too large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return 'too large';
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Checks the URL, and for a request with a body reads it whole and checks that too. */
export async function screenRequest(req: IncomingMessage, url: URL): Promise<Screened> {
  if (hasNul(safeDecode(url.pathname) ?? '')) return refuse(400, 'error.invalidCharacters');
  for (const [name, value] of url.searchParams) {
    if (hasNul(name) || hasNul(value)) return refuse(400, 'error.invalidCharacters');
  }
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return { ok: true, body: undefined };

  const contentType = req.headers['content-type'] ?? '';
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (JSON_PATHS.has(url.pathname) && mediaType === 'application/json') return screenJson(req);
  // Every action reads a form; JSON, text/plain or no body at all is never one.
  if (!FORM_TYPES.includes(mediaType)) return refuse(400, 'error.badRequest');
  const body = await readBody(req);
  if (body === 'too large') return refuse(413, 'error.badRequest');
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'Content-Type': contentType } }).formData();
  } catch {
    return refuse(400, 'error.badRequest');
  }
  for (const [name, value] of form) {
    const text = typeof value === 'string' ? value : value.name;
    if (hasNul(name) || hasNul(text)) return refuse(400, 'error.invalidCharacters');
  }
  return { ok: true, body };
}

async function screenJson(req: IncomingMessage): Promise<Screened> {
  const body = await readBody(req);
  if (body === 'too large') return refuse(413, 'error.badRequest');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    JSON.parse(text);
  } catch {
    return refuse(400, 'error.badRequest');
  }
  // JSON may spell a NUL as \u0000; no Stripe event we act on carries one.
  if (hasNul(text) || text.includes('\\u0000')) return refuse(400, 'error.invalidCharacters');
  return { ok: true, body };
}
