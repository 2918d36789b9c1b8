/**
 * A mail's one-time link is sealed with the notes keyring (ADR 006) while the mail waits in
 * the outbox, so a dump or backup of the database holds no working link. The seal is bound
 * to its outbox row: copied to another row, it does not open.
 */
import type { OutboxMessage } from '#db/schema';
import { decryptText, encryptText, type NoteKeyring } from '~/security/sealing.server';

/** What a sealed link is bound to: its outbox row (key rotation re-seals with the same). */
export const sealedLinkContext = (outboxId: string) => `outbox:${outboxId}:link`;

/** The link as the stored body shows it: where it leads, without the secret part. */
export function redactLink(url: string): string {
  const lastSlash = url.lastIndexOf('/');
  return `${url.slice(0, lastSlash + 1)}[…]`;
}

export function sealLink(keyring: NoteKeyring, outboxId: string, url: string): string {
  return encryptText(keyring, url, sealedLinkContext(outboxId));
}

/** The body as it is to be sent: the redacted link replaced by the unsealed one. */
export function unsealBody(
  keyring: NoteKeyring,
  message: Pick<OutboxMessage, 'id' | 'textBody' | 'sealedLink'>,
): string | null {
  if (message.textBody === null || message.sealedLink === null) return message.textBody;
  const url = decryptText(keyring, message.sealedLink, sealedLinkContext(message.id));
  return message.textBody.replaceAll(redactLink(url), url);
}
