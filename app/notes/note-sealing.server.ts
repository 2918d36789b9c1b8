/**
 * Where each part of a note is sealed: the context names bind a sealed value to its row and
 * field, so text copied elsewhere does not open. Internal to the notes use cases.
 */
import { decryptText, type NoteKeyring } from '~/security/sealing.server';

import {
  emptyPrivateNote,
  emptySharedDraft,
  privateNoteSchema,
  sharedDraftSchema,
} from './content';

export const privateContext = (sessionId: string) => `session-note:${sessionId}:private`;
export const sharedContext = (sessionId: string) => `session-note:${sessionId}:shared`;
export const actionContext = (actionId: string) => `agreed-action:${actionId}`;

export function openPrivate(keyring: NoteKeyring, sealed: string | null, sessionId: string) {
  if (!sealed) return emptyPrivateNote;
  return privateNoteSchema.parse(
    JSON.parse(decryptText(keyring, sealed, privateContext(sessionId))),
  );
}

export function openShared(keyring: NoteKeyring, sealed: string | null, sessionId: string) {
  if (!sealed) return emptySharedDraft;
  return sharedDraftSchema.parse(
    JSON.parse(decryptText(keyring, sealed, sharedContext(sessionId))),
  );
}
