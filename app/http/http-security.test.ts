import { describe, expect, it } from 'vitest';

import { isCrossSiteRequest } from './csrf.server';
import { redactPath, requestLogLine } from './request-log.server';
import { securityHeaders } from './security-headers.server';

describe('security headers', () => {
  it('forbid framing, allow scripts only with the nonce, and send HSTS only over https', () => {
    const plain = securityHeaders({ nonce: 'abc123', https: false, development: false });
    const csp = plain['Content-Security-Policy'] ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).not.toContain('unsafe-inline');
    expect(plain['Referrer-Policy']).toBe('same-origin');
    expect(plain['X-Content-Type-Options']).toBe('nosniff');
    expect(plain['Strict-Transport-Security']).toBeUndefined();

    const secure = securityHeaders({ nonce: 'abc123', https: true, development: false });
    expect(secure['Strict-Transport-Security']).toMatch(/max-age=\d{8}/);
  });
});

describe('CSRF origin check', () => {
  const own = 'https://ohjaamo.example';
  const check = (method: string, headers: Record<string, string>) =>
    isCrossSiteRequest({
      method,
      ownOrigin: own,
      headers: { get: (name) => headers[name.toLowerCase()] ?? null },
    });

  it('refuses a cross-site form post', () => {
    expect(check('POST', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).toBe(
      true,
    );
    expect(check('POST', { 'sec-fetch-site': 'same-site' })).toBe(true);
    expect(check('POST', { origin: 'https://evil.example' })).toBe(true);
    expect(check('DELETE', { origin: 'null' })).toBe(true);
  });

  it('lets same-origin posts and all reads through', () => {
    expect(check('POST', { 'sec-fetch-site': 'same-origin', origin: own })).toBe(false);
    expect(check('POST', { origin: own })).toBe(false);
    expect(check('GET', { 'sec-fetch-site': 'cross-site' })).toBe(false);
    expect(check('HEAD', { origin: 'https://evil.example' })).toBe(false);
  });
});

describe('request log', () => {
  it('keeps no query string and no token from the path', () => {
    const token = 'pOVdAJbkHOQh3NlwtiuG2EpLSh-eTrKNVlyWScLTSGI';
    expect(redactPath(`/reset-password/${token}?email=a@b.fi`)).toBe('/reset-password/:id');
    expect(redactPath(`/feeds/${token}.ics`)).toBe('/feeds/:id');
    expect(redactPath('/assets/entry.client-DfvoxCbQ.js')).toBe('/assets/entry.client-DfvoxCbQ.js');
    const line = requestLogLine({
      method: 'GET',
      path: `/invite/${token}?x=1`,
      status: 200,
      durationMs: 3.4,
    });
    expect(line).not.toContain(token);
    expect(line).not.toContain('x=1');
    expect(JSON.parse(line)).toMatchObject({
      method: 'GET',
      path: '/invite/:id',
      status: 200,
      ms: 3,
    });
  });
});
