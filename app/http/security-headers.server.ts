import { randomBytes } from 'node:crypto';

export function generateNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The security headers every response carries. Scripts run only with this request's nonce;
 * no site may frame us. HSTS is sent only over https, where it means something.
 */
export function securityHeaders(options: {
  nonce: string;
  https: boolean;
  development: boolean;
}): Record<string, string> {
  const { nonce, https, development } = options;
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Vite's dev server injects CSS through <style> tags; the production build links files.
    development ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    development ? "connect-src 'self' ws:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  const headers: Record<string, string> = {
    'Content-Security-Policy': csp,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    // Links in mail carry one-time tokens in the path: never leak a path to another site.
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (https) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}
