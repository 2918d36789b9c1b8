import { Transform, type TransformCallback } from 'node:stream';

import type { AppLoadContext, EntryContext, HandleErrorFunction } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { isRouteErrorResponse, RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';

import { logServerError } from '~/http/log-error.server';
import { NonceProvider } from '~/ui/nonce';

export const streamTimeout = 5_000;

/** Large enough for a whole ordinary page, small enough that a long one still streams. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Gathers React's many small writes (about 2 KB each, plus one per streamed data script) into
 * chunks of up to 64 KB. Each chunk costs a pass through the compressor and a socket write, and
 * with one pass per small write these were a fifth of a page's server CPU.
 */
class CoalescedBody extends Transform {
  #chunks: Buffer[] = [];
  #bytes = 0;

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.#chunks.push(buffer);
    this.#bytes += buffer.length;
    if (this.#bytes >= CHUNK_BYTES) this.#release();
    done();
  }

  override _flush(done: TransformCallback) {
    this.#release();
    done();
  }

  #release() {
    if (this.#bytes === 0) return;
    this.push(this.#chunks.length === 1 ? this.#chunks[0] : Buffer.concat(this.#chunks));
    this.#chunks = [];
    this.#bytes = 0;
  }
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  // Bots and no-JS clients get the whole document at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady';
  let abortTimer: NodeJS.Timeout | undefined;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={streamTimeout}
          nonce={nonce}
        />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new CoalescedBody();
          // The render is done with once its document is sent: the timer must not hold it.
          body.once('close', () => clearTimeout(abortTimer));
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(abortTimer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logServerError('render failed', error);
        },
      },
    );
    abortTimer = setTimeout(abort, streamTimeout + 1_000);
  });
}

/**
 * Logs errors without request data: no URL query, no body, no personal data. A request the
 * app refused (Remix's 4xx answers, such as a 405 for a POST to a page without a form) is the
 * visitor's mistake, not the server's, and is not logged as an error.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  logServerError('request failed', error);
};
