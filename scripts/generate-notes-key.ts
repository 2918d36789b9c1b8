/**
 * Prints a new NOTES_ENCRYPTION_KEY entry. For rotation, put the new entry first and keep the
 * old ones after it (comma-separated) until everything has been re-encrypted.
 *
 *   npm run key:generate -- [keyId]
 */
import { generateKeyString } from '~/security/sealing.server';

const keyId = process.argv[2] ?? `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;
console.log(generateKeyString(keyId));
