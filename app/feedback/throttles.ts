import type { ThrottleRule } from '~/auth/throttle.server';

const HOUR = 60 * 60 * 1000;

/** The limits on feedback rounds; each is "at most `limit` within `windowMs`". */
export const feedbackThrottles = {
  /** Answers through a round's shared link (a whole team answers through it). */
  answerLink: { scope: 'feedback-answer-link', limit: 100, windowMs: HOUR },
  /** Answers from one IP address, whichever link. */
  answerIp: { scope: 'feedback-answer-ip', limit: 30, windowMs: HOUR },
  /** Invitation mails a supervisee sends. */
  invitations: { scope: 'feedback-invite', limit: 50, windowMs: HOUR },
} as const satisfies Record<string, ThrottleRule>;

/** The most invitations one round can have. */
export const MAX_INVITATIONS_PER_ROUND = 50;
