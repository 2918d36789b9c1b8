import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import {
  decryptText,
  encryptText,
  generateKeyString,
  loadKeyring,
  type NoteKeyring,
  parseKeyring,
} from './sealing.server';

const CONTEXT = 'session-note:3f1c9a:private';
const SECRET = 'Asiakas kertoi esihenkilönsä uhkailusta, ja hän harkitsee irtisanoutumista.';

function keyString(id: string, bytes = randomBytes(32)): string {
  return `${id}:${bytes.toString('base64')}`;
}

function replacePart(envelope: string, index: number, value: string): string {
  const parts = envelope.split('.');
  parts[index] = value;
  return parts.join('.');
}

function flipBit(part: string, byteIndex: number): string {
  const bytes = Buffer.from(part, 'base64url');
  bytes.writeUInt8((bytes[byteIndex] ?? 0) ^ 0x01, byteIndex);
  return bytes.toString('base64url');
}

// A bare environment, so a NOTES_ENCRYPTION_KEY in the developer's shell cannot leak in.
function envWith(vars: { NOTES_ENCRYPTION_KEY?: string } = {}): NodeJS.ProcessEnv {
  return { NODE_ENV: 'test', ...vars };
}

const keyring = parseKeyring(keyString('k1'));

const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function toggleLowBit(char: string): string {
  return BASE64URL_ALPHABET.charAt(BASE64URL_ALPHABET.indexOf(char) ^ 1);
}

describe('encryptText / decryptText', () => {
  it.each([
    ['plain text', SECRET],
    ['empty text', ''],
    ['Finnish letters and emoji', 'Ääliö, älä lyö, ööliä läikkyy! Åland 🙂👩‍💼 — loppu'],
  ])('round-trips %s', (_label, text) => {
    const envelope = encryptText(keyring, text, CONTEXT);
    expect(decryptText(keyring, envelope, CONTEXT)).toBe(text);
  });

  it('produces v1 envelopes with a 12-byte IV and a 16-byte tag', () => {
    const parts = encryptText(keyring, SECRET, CONTEXT).split('.');
    expect(parts).toHaveLength(5);
    expect(parts.slice(0, 2)).toEqual(['v1', 'k1']);
    expect(Buffer.from(parts[2] ?? '', 'base64url')).toHaveLength(12);
    expect(Buffer.from(parts[4] ?? '', 'base64url')).toHaveLength(16);
  });

  it('uses a fresh IV, so the same text encrypts differently each time', () => {
    const first = encryptText(keyring, SECRET, CONTEXT);
    const second = encryptText(keyring, SECRET, CONTEXT);
    expect(first).not.toBe(second);
    expect(first.split('.')[2]).not.toBe(second.split('.')[2]);
  });

  it('does not reveal the plaintext in any common encoding', () => {
    const envelope = encryptText(keyring, SECRET, CONTEXT);
    const plain = Buffer.from(SECRET, 'utf8');
    expect(envelope).not.toContain(SECRET);
    expect(envelope).not.toContain('esihenkilö');
    expect(envelope).not.toContain(plain.toString('base64'));
    expect(envelope).not.toContain(plain.toString('base64url'));
    expect(envelope).not.toContain(plain.subarray(0, 30).toString('base64url'));
    const ciphertext = Buffer.from(envelope.split('.')[3] ?? '', 'base64url');
    expect(ciphertext).toHaveLength(plain.length);
    expect(ciphertext.includes(plain.subarray(0, 8))).toBe(false);
  });

  it('rejects a flipped bit anywhere in the IV, ciphertext or tag', () => {
    const envelope = encryptText(keyring, 'lyhyt', CONTEXT);
    for (const index of [2, 3, 4]) {
      const part = envelope.split('.')[index] ?? '';
      const length = Buffer.from(part, 'base64url').length;
      for (let byte = 0; byte < length; byte += 1) {
        const tampered = replacePart(envelope, index, flipBit(part, byte));
        expect(() => decryptText(keyring, tampered, CONTEXT)).toThrow(/could not be decrypted/);
      }
    }
  });

  it('rejects edits to the version, key id and encoding of the envelope', () => {
    const envelope = encryptText(keyring, SECRET, CONTEXT);
    const [, , iv = '', ciphertext = '', tag = ''] = envelope.split('.');
    const cases: Array<[string, RegExp]> = [
      [replacePart(envelope, 0, 'v2'), /Unknown note envelope version/],
      [replacePart(envelope, 1, 'k9'), /Unknown note key id "k9"/],
      [replacePart(envelope, 2, iv.slice(1)), /Malformed/],
      [replacePart(envelope, 3, `${ciphertext}!`), /Malformed/],
      [replacePart(envelope, 4, tag.slice(0, -2)), /Malformed/],
      // 16 tag bytes leave 4 unused bits in the last character; changing them must not pass.
      [replacePart(envelope, 4, tag.slice(0, -1) + toggleLowBit(tag.slice(-1))), /Malformed/],
      [envelope.split('.').slice(0, 4).join('.'), /Malformed/],
      [`${envelope}.extra`, /Malformed/],
      ['', /Malformed/],
      [SECRET, /Malformed/],
    ];
    for (const [tampered, message] of cases) {
      expect(() => decryptText(keyring, tampered, CONTEXT)).toThrow(message);
    }
  });

  it('binds the ciphertext to its context (row and field)', () => {
    const envelope = encryptText(keyring, SECRET, CONTEXT);
    for (const other of [
      'session-note:3f1c9a:shared',
      'session-note:3f1c9b:private',
      `${CONTEXT} `,
    ]) {
      expect(() => decryptText(keyring, envelope, other)).toThrow(/could not be decrypted/);
    }
    expect(() => decryptText(keyring, envelope, '')).toThrow(/context/);
    expect(() => encryptText(keyring, SECRET, '')).toThrow(/context/);
  });

  it('binds the key id, so relabelling to another id with the same key bytes fails', () => {
    const bytes = randomBytes(32);
    const twins = parseKeyring(`${keyString('a', bytes)},${keyString('b', bytes)}`);
    const relabelled = replacePart(encryptText(twins, SECRET, CONTEXT), 1, 'b');
    expect(() => decryptText(twins, relabelled, CONTEXT)).toThrow(/could not be decrypted/);
  });

  it('never puts plaintext or key material into error messages', () => {
    const key = keyString('k1');
    const ring = parseKeyring(key);
    const envelope = encryptText(ring, SECRET, CONTEXT);
    const attempts = [
      () => decryptText(ring, envelope, 'other'),
      () =>
        decryptText(
          ring,
          replacePart(envelope, 3, flipBit(envelope.split('.')[3] ?? '', 0)),
          CONTEXT,
        ),
      () => decryptText(parseKeyring(keyString('k1')), envelope, CONTEXT),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow();
      const message = messageOf(attempt);
      expect(message).not.toContain(SECRET.slice(0, 10));
      expect(message).not.toContain(key.slice(3, 20));
    }
  });
});

describe('key rotation', () => {
  it('decrypts old notes after a new key is put first, and encrypts with the new key', () => {
    const oldKey = keyString('2026a');
    const before: NoteKeyring = parseKeyring(oldKey);
    const oldEnvelope = encryptText(before, SECRET, CONTEXT);

    const after = parseKeyring(`${keyString('2026b')}, ${oldKey}`);
    expect(after.activeKeyId).toBe('2026b');
    expect(decryptText(after, oldEnvelope, CONTEXT)).toBe(SECRET);

    const newEnvelope = encryptText(after, SECRET, CONTEXT);
    expect(newEnvelope.startsWith('v1.2026b.')).toBe(true);
    expect(decryptText(after, newEnvelope, CONTEXT)).toBe(SECRET);
    expect(() => decryptText(before, newEnvelope, CONTEXT)).toThrow(/Unknown note key id/);
  });

  it('fails for a key id that is no longer in the keyring', () => {
    const envelope = encryptText(parseKeyring(keyString('retired')), SECRET, CONTEXT);
    const current = parseKeyring(keyString('current'));
    expect(() => decryptText(current, envelope, CONTEXT)).toThrow(/Unknown note key id/);
  });
});

describe('parseKeyring', () => {
  it('accepts standard and url-safe base64 for the same key', () => {
    const bytes = Buffer.alloc(32, 0xfb);
    const standard = parseKeyring(`k:${bytes.toString('base64')}`);
    const urlSafe = parseKeyring(`k:${bytes.toString('base64url')}`);
    expect(bytes.toString('base64')).toMatch(/[+/]/);
    expect(standard.keys.get('k')).toEqual(bytes);
    expect(urlSafe.keys.get('k')).toEqual(bytes);
  });

  it.each([
    ['a 16-byte key', () => `k1:${randomBytes(16).toString('base64')}`, /32 bytes, got 16/],
    ['a 33-byte key', () => `k1:${randomBytes(33).toString('base64')}`, /32 bytes, got 33/],
    ['a bad key id', () => `bad id!:${randomBytes(32).toString('base64')}`, /key id must be/],
    [
      'a too long key id',
      () => `${'x'.repeat(33)}:${randomBytes(32).toString('base64')}`,
      /key id/,
    ],
    ['no key id', () => randomBytes(32).toString('base64'), /keyId:base64key/],
    ['a non-base64 key', () => `k1:${randomBytes(32).toString('hex')}!`, /not base64/],
    [
      'a duplicate id',
      () => `k1:${randomBytes(32).toString('base64')},k1:${randomBytes(32).toString('base64')}`,
      /duplicate key id "k1"/,
    ],
    ['an empty second entry', () => `k1:${randomBytes(32).toString('base64')},`, /entry 2/],
  ])('rejects %s without echoing the key', (_label, makeValue, message) => {
    const value = makeValue();
    expect(() => parseKeyring(value)).toThrow(message);
    const error = messageOf(() => parseKeyring(value));
    for (const entry of value.split(',')) {
      const secret = entry.slice(entry.indexOf(':') + 1);
      if (secret.length >= 8) expect(error).not.toContain(secret.slice(0, 8));
    }
  });

  it('makes the first entry the active key', () => {
    const ring = parseKeyring(`${keyString('new')},${keyString('old')}`);
    expect(ring.activeKeyId).toBe('new');
    expect([...ring.keys.keys()]).toEqual(['new', 'old']);
  });

  it('generateKeyString produces a value parseKeyring accepts', () => {
    const generated = generateKeyString('2027-01');
    expect(parseKeyring(generated).keys.get('2027-01')).toHaveLength(32);
    expect(generateKeyString('x')).not.toBe(generateKeyString('x'));
    expect(() => generateKeyString('no.dots')).toThrow(/Key id/);
  });
});

describe('loadKeyring', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ohjaamo-notes-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uses NOTES_ENCRYPTION_KEY when it is set', () => {
    const value = keyString('prod1');
    const devKeyFile = path.join(dir, 'unused', 'notes.key');
    const ring = loadKeyring({
      env: envWith({ NOTES_ENCRYPTION_KEY: value }),
      production: true,
      devKeyFile,
    });
    expect(ring.activeKeyId).toBe('prod1');
    expect(existsSync(devKeyFile)).toBe(false);
  });

  it('refuses to run in production without a key', () => {
    const devKeyFile = path.join(dir, 'prod', 'notes.key');
    for (const env of [
      envWith(),
      envWith({ NOTES_ENCRYPTION_KEY: '' }),
      envWith({ NOTES_ENCRYPTION_KEY: '  ' }),
    ]) {
      expect(() => loadKeyring({ env, production: true, devKeyFile })).toThrow(
        /NOTES_ENCRYPTION_KEY is required in production/,
      );
    }
    expect(existsSync(devKeyFile)).toBe(false);
  });

  it('creates a private development key file once and reuses it', () => {
    const devKeyFile = path.join(dir, 'nested', '.data', 'notes-encryption.key');
    const first = loadKeyring({ env: envWith(), production: false, devKeyFile });
    expect(first.activeKeyId).toBe('dev');
    expect(statSync(devKeyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(devKeyFile, 'utf8')).toMatch(/^dev:[A-Za-z0-9+/]{43}=\n$/);

    const second = loadKeyring({ env: envWith(), production: false, devKeyFile });
    expect(second.keys.get('dev')).toEqual(first.keys.get('dev'));
    const envelope = encryptText(first, SECRET, CONTEXT);
    expect(decryptText(second, envelope, CONTEXT)).toBe(SECRET);
  });
});

function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the action to throw');
}
