import { parseKeyring } from '~/security/sealing.server';

/** A fixed key for tests; never used outside them. */
export const testKeyring = parseKeyring(`test:${Buffer.alloc(32, 7).toString('base64')}`);
