import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Pages and their single-fetch data (`.data`, sent as `text/x-script`) are compressed here, in
 * one call on the whole body, instead of through the `compression` middleware's stream.
 *
 * No loader defers data, so a page is complete before its first byte could be useful, and
 * the renderer hands it over in one or a few chunks anyway. Compressing the whole body at
 * once saves the compressor stream and its hand-offs to the thread pool, and sends the page
 * with a Content-Length in one write. Measured on the bench's pages: see docs/decisions/023.
 *
 * Everything else (static files, the error pages, other resource routes) still goes through the
 * middleware; it leaves a response alone once it has a Content-Encoding.
 */

/** Types whose bodies are read whole and compressed here. */
const PAGE_TYPES = /^(text\/html|text\/x-script)\b/i;

/** Below this, compression costs more than the bytes it saves (the middleware's default). */
const MIN_BYTES = 1024;

/**
 * gzip at level 4 for pages, even when the browser also takes brotli. Measured on the bench's
 * pages (30–35 KB of HTML, CPU per call on a 2-core Xeon/EPYC): gzip 4 takes 0.14–0.21 ms; brotli
 * at quality 4 gives 6–8 % fewer bytes (about 600 bytes on such a page) but takes 0.4–2.4 ms,
 * most of it in the kernel: brotli sets up hash tables of megabytes for every call, which the C
 * library maps fresh from the kernel and gives back after it, so each page pays page faults.
 * A twelfth of the server's CPU went there (docs/decisions/023, "Later").
 */
const GZIP_LEVEL = 4;

/** Quality 4 is the middleware's setting; the window need not be larger than the body. */
const BROTLI_QUALITY = 4;

export type PageEncoding = 'br' | 'gzip';

export function isPageResponse(contentType: string | null): boolean {
  return contentType !== null && PAGE_TYPES.test(contentType);
}

/** The encoding to send a page in, from the browser's Accept-Encoding; none below 1 KB. */
export function pageEncoding(
  acceptsEncodings: (...encodings: string[]) => string | false,
  bodyBytes: number,
): PageEncoding | undefined {
  if (bodyBytes < MIN_BYTES) return undefined;
  // Every browser takes gzip; brotli only for a client that takes nothing else.
  if (acceptsEncodings('gzip') === 'gzip') return 'gzip';
  if (acceptsEncodings('br') === 'br') return 'br';
  return undefined;
}

export function compressPage(body: Uint8Array, encoding: PageEncoding): Buffer {
  if (encoding === 'gzip') return gzipSync(body, { level: GZIP_LEVEL });
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      [constants.BROTLI_PARAM_LGWIN]: windowBits(body.byteLength),
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}

/** The smallest brotli window (16–22 bits) that holds the whole body. */
function windowBits(bytes: number): number {
  return Math.min(22, Math.max(16, Math.ceil(Math.log2(bytes))));
}
