/**
 * Where a feedback round's confidential text is sealed (docs/decisions/006): each context
 * names the row, so text copied to another row does not open.
 */
import { decryptText, encryptText, type NoteKeyring } from '~/security/sealing.server';

export const titleContext = (roundId: string) => `feedback-round:${roundId}:title`;
export const linkContext = (roundId: string) => `feedback-round:${roundId}:link`;
export const promptContext = (questionId: string) => `feedback-question:${questionId}`;
export const answerContext = (answerId: string) => `feedback-answer:${answerId}`;

export const seal = encryptText;

export function openTitle(keyring: NoteKeyring, round: { id: string; titleEncrypted: string }) {
  return decryptText(keyring, round.titleEncrypted, titleContext(round.id));
}
