/**
 * TOTP (RFC 6238) through the otpauth library: 6 digits, 30-second steps, SHA-1, which is
 * what every authenticator app understands. We only decide which steps count.
 */
import { Secret, TOTP } from 'otpauth';

const ISSUER = 'Ohjaamo';
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either way: a phone's clock a little off, or a code typed as it changed. */
const ACCEPTED_SKEW_STEPS = 1;

function totp(secretBase32: string, label = ''): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A fresh random secret of 160 bits (RFC 4226's recommendation), as base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code: issuer Ohjaamo, the e-mail as label. */
export function totpUri(secretBase32: string, email: string): string {
  return totp(secretBase32, email).toString();
}

/** The secret in groups of four, for typing it into an app by hand. */
export function groupedSecret(secretBase32: string): string {
  return (secretBase32.match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * The time step a typed code belongs to, if it is the code of the current step or of one
 * step either side; null otherwise. Spaces in the code are ignored.
 */
export function matchingStep(secretBase32: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const timestamp = now.getTime();
  const delta = totp(secretBase32).validate({ token, timestamp, window: ACCEPTED_SKEW_STEPS });
  if (delta === null) return null;
  return TOTP.counter({ period: PERIOD_SECONDS, timestamp }) + delta;
}

/** The code an authenticator app shows at `at` (for tests and nothing else). */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totp(secretBase32).generate({ timestamp: at.getTime() });
}

export const TOTP_PERIOD_MS = PERIOD_SECONDS * 1000;
