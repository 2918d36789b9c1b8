/**
 * Application-level sealing of confidential text: note text first, and every other column
 * that docs/decisions/006-note-encryption.md lists.
 * A database dump or backup must never show what was said in supervision, so the text is
 * sealed here, before Drizzle sees it, with a key that never lives in the database.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { UnreadableTextError } from '~/errors';

export interface NoteKeyring {
  activeKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
// Accepts standard and url-safe alphabets, since keys get pasted from different tools.
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

// Messages name the entry by position only: the text of a malformed entry may be a key.
export function parseKeyring(value: string): NoteKeyring {
  const keys = new Map<string, Buffer>();
  const entries = value.split(',').map((entry) => entry.trim());
  entries.forEach((entry, index) => {
    const where = `NOTES_ENCRYPTION_KEY entry ${index + 1}`;
    const colon = entry.indexOf(':');
    if (colon < 0) throw new Error(`${where}: expected the format keyId:base64key`);
    const keyId = entry.slice(0, colon);
    const encoded = entry.slice(colon + 1);
    if (!KEY_ID.test(keyId)) {
      throw new Error(`${where}: key id must be 1-32 characters of A-Z, a-z, 0-9, _ or -`);
    }
    if (!BASE64.test(encoded)) throw new Error(`${where} (id "${keyId}"): key is not base64`);
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== KEY_BYTES) {
      throw new Error(
        `${where} (id "${keyId}"): key must decode to ${KEY_BYTES} bytes, got ${key.length}`,
      );
    }
    if (keys.has(keyId)) throw new Error(`${where}: duplicate key id "${keyId}"`);
    keys.set(keyId, key);
  });
  const [activeKeyId] = keys.keys();
  if (activeKeyId === undefined) throw new Error('NOTES_ENCRYPTION_KEY holds no keys');
  return { activeKeyId, keys };
}

export function loadKeyring(options: {
  env?: NodeJS.ProcessEnv;
  production: boolean;
  devKeyFile?: string;
}): NoteKeyring {
  const value = (options.env ?? process.env).NOTES_ENCRYPTION_KEY?.trim();
  if (value) return parseKeyring(value);
  // A production server without a key must not start: it would either write plaintext or
  // invent a key whose loss makes every note unreadable.
  if (options.production) {
    throw new Error('NOTES_ENCRYPTION_KEY is required in production (see generateKeyString)');
  }
  return loadDevKeyring(options.devKeyFile ?? path.resolve('.data/notes-encryption.key'));
}

// The development key is kept on disk so notes written yesterday still open after a restart.
function loadDevKeyring(file: string): NoteKeyring {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      // 'wx': two processes starting together must not each write (and use) a different key.
      writeFileSync(file, `${generateKeyString('dev')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if (!isErrnoCode(error, 'EEXIST')) throw error;
    }
  }
  try {
    return parseKeyring(readFileSync(file, 'utf8').trim());
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    throw new Error(`Development key file ${file} is invalid: ${reason}`);
  }
}

function isErrnoCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

export function generateKeyString(keyId: string): string {
  if (!KEY_ID.test(keyId)) {
    throw new Error('Key id must be 1-32 characters of A-Z, a-z, 0-9, _ or -');
  }
  return `${keyId}:${randomBytes(KEY_BYTES).toString('base64')}`;
}

// Version and key id are authenticated with the context, so none of them can be swapped
// in a stored envelope. Key ids cannot contain '.', which keeps this encoding unambiguous.
function additionalData(keyId: string, context: string): Buffer {
  if (context === '') throw new Error('Note encryption needs a non-empty context');
  return Buffer.from(`${VERSION}.${keyId}.${context}`, 'utf8');
}

export function encryptText(keyring: NoteKeyring, plaintext: string, context: string): string {
  const keyId = keyring.activeKeyId;
  const key = keyring.keys.get(keyId);
  if (key === undefined || !KEY_ID.test(keyId)) throw new Error('Active note key is not usable');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(keyId, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString('base64url'));
  return [VERSION, keyId, ...parts].join('.');
}

export function decryptText(keyring: NoteKeyring, envelope: string, context: string): string {
  const parts = envelope.split('.');
  if (parts.length !== 5) throw new Error('Malformed note envelope');
  const [version = '', keyId = '', ivText = '', ciphertextText = '', tagText = ''] = parts;
  if (version !== VERSION) throw new Error('Unknown note envelope version');
  const key = keyring.keys.get(keyId);
  if (key === undefined) {
    // Naming the id tells ops which old key was dropped too early; odd ids are not echoed.
    throw new Error(`Unknown note key id${KEY_ID.test(keyId) ? ` "${keyId}"` : ''}`);
  }
  const iv = decodeStrict(ivText);
  const ciphertext = decodeStrict(ciphertextText);
  const tag = decodeStrict(tagText);
  if (iv?.length !== IV_BYTES || ciphertext === undefined || tag?.length !== TAG_BYTES) {
    throw new Error('Malformed note envelope');
  }
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData(keyId, context));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // The context names only the row and field (ids), never any text.
    console.warn(`Sealed text could not be opened (altered or copied): ${context}`);
    throw new UnreadableTextError();
  }
}

/** The id of the key an envelope was sealed with, or undefined if it is no envelope of ours. */
export function envelopeKeyId(envelope: string): string | undefined {
  const [version, keyId] = envelope.split('.', 2);
  return version === VERSION && keyId !== undefined && KEY_ID.test(keyId) ? keyId : undefined;
}

/** The prefix every envelope sealed under `keyId` starts with, for finding them in SQL. */
export function envelopePrefix(keyId: string): string {
  if (!KEY_ID.test(keyId))
    throw new Error('Key id must be 1-32 characters of A-Z, a-z, 0-9, _ or -');
  return `${VERSION}.${keyId}.`;
}

/**
 * Seals an envelope's text again under the keyring's active key, for key rotation. An
 * envelope already under the active key is returned as it is, so rotating twice is harmless.
 */
export function resealText(keyring: NoteKeyring, envelope: string, context: string): string {
  if (envelopeKeyId(envelope) === keyring.activeKeyId) return envelope;
  return encryptText(keyring, decryptText(keyring, envelope, context), context);
}

// Only canonical base64url is accepted: Node's lenient decoder would otherwise let some
// edits to an envelope (stray characters, unused trailing bits) decode to the same bytes.
function decodeStrict(text: string): Buffer | undefined {
  if (!BASE64URL.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}
