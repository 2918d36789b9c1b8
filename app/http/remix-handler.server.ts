import {
  type AppLoadContext,
  createRequestHandler,
  type ServerBuild,
  writeReadableStreamToWritable,
} from '@remix-run/node';
import type { NextFunction, Request as ExpressRequest, RequestHandler, Response } from 'express';

import type { Db } from '#db/client';

import { databaseIsDown, sendErrorPage } from './error-response.server';
import { compressPage, isPageResponse, pageEncoding } from './page-compression.server';
import { sanitizeCookieHeader, screenRequest } from './request-screen.server';

/**
 * The Remix request handler, as @remix-run/express builds it, with three things added: the
 * request is screened first (see request-screen.server.ts), its Cookie header is cleaned,
 * and a 5xx answered while the database is down becomes the one "temporarily unavailable"
 * page, whether it came from a document, a `.data` fetch or the load context.
 */
export function remixHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: 'development' | 'production';
  db: Db;
  getLoadContext: (req: ExpressRequest, res: Response) => Promise<AppLoadContext>;
}): RequestHandler {
  const handlerOf = handlerPerBuild(options.build, options.mode);
  return (req, res, next: NextFunction) => {
    void (async () => {
      const url = requestUrl(req);
      if (!url) {
        sendErrorPage(req, res, 400);
        return;
      }
      const screened = await screenRequest(req, url);
      if (!screened.ok) {
        sendErrorPage(req, res, screened.status, screened.messageKey);
        return;
      }
      const cookie = sanitizeCookieHeader(req.headers.cookie);
      if (cookie === undefined) delete req.headers.cookie;
      else req.headers.cookie = cookie;

      const controller = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) controller.abort();
      });
      const request = new Request(url.href, {
        method: req.method,
        headers: requestHeaders(req),
        signal: controller.signal,
        ...(screened.body ? { body: screened.body } : {}),
      });
      const handle = await handlerOf();
      const response = await handle(request, await options.getLoadContext(req, res));
      if (response.status >= 500 && (await databaseIsDown(options.db))) {
        await response.body?.cancel();
        sendErrorPage(req, res, 503);
        return;
      }
      await sendResponse(req, res, response);
    })().catch(next);
  };
}

type Handler = ReturnType<typeof createRequestHandler>;

/**
 * Remix's handler for the current build. Given a function (Vite's development server),
 * Remix would rebuild its route tables on every request; here that happens only when Vite
 * hands out a new build module, after an edit.
 */
function handlerPerBuild(
  build: ServerBuild | (() => Promise<ServerBuild>),
  mode: 'development' | 'production',
): () => Promise<Handler> {
  if (typeof build !== 'function') {
    const handle = createRequestHandler(build, mode);
    return () => Promise.resolve(handle);
  }
  let current: { build: ServerBuild; handle: Handler } | undefined;
  return async () => {
    const latest = await build();
    if (current?.build !== latest)
      current = { build: latest, handle: createRequestHandler(latest, mode) };
    return current.handle;
  };
}

/** The URL the browser asked for, as @remix-run/express computes it (host and port kept). */
function requestUrl(req: ExpressRequest): URL | undefined {
  const port = /:(\d+)$/.exec(req.get('x-forwarded-host') ?? req.get('host') ?? '')?.[1];
  const host = `${req.hostname}${port ? `:${port}` : ''}`;
  try {
    return new URL(`${req.protocol}://${host}${req.originalUrl}`);
  } catch {
    return undefined;
  }
}

function requestHeaders(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

async function sendResponse(
  req: ExpressRequest,
  res: Response,
  response: globalThis.Response,
): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) {
    if (name !== 'set-cookie') res.append(name, value);
  }
  for (const cookie of response.headers.getSetCookie()) res.append('Set-Cookie', cookie);
  if (!response.body) {
    res.end();
    return;
  }
  if (!isPageResponse(response.headers.get('content-type'))) {
    await writeReadableStreamToWritable(response.body, res);
    return;
  }
  // A page or its data: read whole, compressed in one call (see page-compression.server.ts).
  const body = new Uint8Array(await response.arrayBuffer());
  res.vary('Accept-Encoding');
  const encoding = pageEncoding((...encodings) => req.acceptsEncodings(...encodings), body.length);
  const sent = encoding ? compressPage(body, encoding) : body;
  if (encoding) res.set('Content-Encoding', encoding);
  res.set('Content-Length', String(sent.byteLength));
  res.end(sent);
}
