import { type Locale, translate } from '~/i18n';
import type { MessageKey } from '~/i18n/catalogue';
import { formatDateTime } from '~/i18n/format';

interface Email {
  subject: string;
  text: string;
}

function compose(locale: Locale, lines: string[]): string {
  const t = (key: MessageKey) => translate(locale, key);
  return [t('email.greeting'), '', ...lines, '', t('email.signature'), ''].join('\n');
}

export function invitationEmail(
  locale: Locale,
  args: { practice: string; inviter: string; link: string },
): Email {
  return {
    subject: translate(locale, 'email.invite.subject', { practice: args.practice }),
    text: compose(locale, [
      translate(locale, 'email.invite.body', { practice: args.practice, inviter: args.inviter }),
      args.link,
    ]),
  };
}

/** The invitation of a supervisee to the portal: names the practice and the inviter, nothing of the work. */
export function portalInvitationEmail(
  locale: Locale,
  args: { practice: string; inviter: string; link: string },
): Email {
  return {
    subject: translate(locale, 'email.portalInvite.subject', { practice: args.practice }),
    text: compose(locale, [
      translate(locale, 'email.portalInvite.body', {
        practice: args.practice,
        inviter: args.inviter,
      }),
      args.link,
      '',
      translate(locale, 'email.portalInvite.ignore'),
    ]),
  };
}

export function passwordResetEmail(locale: Locale, args: { link: string }): Email {
  return {
    subject: translate(locale, 'email.reset.subject'),
    text: compose(locale, [
      translate(locale, 'email.reset.body'),
      args.link,
      '',
      translate(locale, 'email.reset.ignore'),
    ]),
  };
}

export function passwordResetNoAccountEmail(locale: Locale, args: { signUpLink: string }): Email {
  return {
    subject: translate(locale, 'email.reset.subject'),
    text: compose(locale, [
      translate(locale, 'email.resetNoAccount.body'),
      args.signUpLink,
      '',
      translate(locale, 'email.reset.ignore'),
    ]),
  };
}

export function emailVerificationEmail(locale: Locale, args: { link: string }): Email {
  return {
    subject: translate(locale, 'email.verify.subject'),
    text: compose(locale, [
      translate(locale, 'email.verify.body'),
      args.link,
      '',
      translate(locale, 'email.verify.ignore'),
    ]),
  };
}

export function signUpAttemptEmail(
  locale: Locale,
  args: { logInLink: string; resetLink: string },
): Email {
  return {
    subject: translate(locale, 'email.signupAttempt.subject'),
    text: compose(locale, [
      translate(locale, 'email.signupAttempt.body'),
      '',
      translate(locale, 'email.signupAttempt.logIn'),
      args.logInLink,
      '',
      translate(locale, 'email.signupAttempt.reset'),
      args.resetLink,
      '',
      translate(locale, 'email.reset.ignore'),
    ]),
  };
}

/**
 * The sign-in code mail. `secret` is the part of the text from the link to the code: the
 * outbox seals it whole (its redaction keeps only what precedes the link's last slash), so
 * neither the link's token nor the code is stored readable while the mail waits.
 */
export function signInCodeEmail(
  locale: Locale,
  args: { link: string; code: string },
): Email & { secret: string } {
  const secret = [args.link, '', translate(locale, 'email.signInCode.code', { code: args.code })];
  // A slash after the link would move the redaction's cut past the token and leave it readable.
  if (secret.join('\n').slice(args.link.length).includes('/')) {
    throw new Error('the sign-in mail has a slash after its link');
  }
  return {
    subject: translate(locale, 'email.signInCode.subject'),
    text: compose(locale, [
      translate(locale, 'email.signInCode.body'),
      '',
      ...secret,
      '',
      translate(locale, 'email.signInCode.ignore'),
    ]),
    secret: secret.join('\n'),
  };
}

export type SecurityNoticeKind = 'enrolled' | 'removed' | 'recoveryCodeUsed';

const securityNotice: Record<SecurityNoticeKind, { subject: MessageKey; body: MessageKey }> = {
  enrolled: {
    subject: 'email.security.enrolled.subject',
    body: 'email.security.enrolled.body',
  },
  removed: { subject: 'email.security.removed.subject', body: 'email.security.removed.body' },
  recoveryCodeUsed: {
    subject: 'email.security.recoveryCodeUsed.subject',
    body: 'email.security.recoveryCodeUsed.body',
  },
};

/** Tells a user that their account's protection changed; never carries a secret or a code. */
export function securityNoticeEmail(
  locale: Locale,
  args: { kind: SecurityNoticeKind; at: Date },
): Email {
  const keys = securityNotice[args.kind];
  return {
    subject: translate(locale, keys.subject),
    text: compose(locale, [
      translate(locale, keys.body, { at: formatDateTime(args.at, locale) }),
      '',
      translate(locale, 'email.security.notYou'),
    ]),
  };
}

/**
 * A supervisee cancelled a session in the portal. Names the contract by its code and the
 * time only: no names, no text (the supervisee writes none here).
 */
export function superviseeCancelledEmail(
  locale: Locale,
  args: { code: string; when: string; late: boolean; chargeable: boolean; link: string },
): Email {
  const outcome = !args.late
    ? 'email.superviseeCancelled.onTime'
    : args.chargeable
      ? 'email.superviseeCancelled.lateCharged'
      : 'email.superviseeCancelled.lateNotCharged';
  return {
    subject: translate(locale, 'email.superviseeCancelled.subject', { when: args.when }),
    text: compose(locale, [
      translate(locale, 'email.superviseeCancelled.body', { code: args.code, when: args.when }),
      translate(locale, outcome),
      '',
      args.link,
    ]),
  };
}

/**
 * A supervisee left a message about a session (a new time, or that they cannot come). The
 * message itself stays sealed in Ohjaamo; the mail only says where to read it.
 */
export function superviseeRequestEmail(
  locale: Locale,
  args: { kind: 'new_time' | 'cannot_attend'; code: string; when: string; link: string },
): Email {
  const kind = args.kind === 'new_time' ? 'newTime' : 'cannotAttend';
  return {
    subject: translate(locale, `email.superviseeRequest.${kind}.subject`, { when: args.when }),
    text: compose(locale, [
      translate(locale, `email.superviseeRequest.${kind}.body`, {
        code: args.code,
        when: args.when,
      }),
      translate(locale, 'email.superviseeRequest.readThere'),
      '',
      args.link,
    ]),
  };
}

/**
 * A team member's invitation to answer a feedback round: names only the person asking and
 * the last day — not the practice, not supervision, not the round's title or questions.
 */
export function feedbackInvitationEmail(
  locale: Locale,
  args: { name: string; closesOn: string; link: string },
): Email {
  return {
    subject: translate(locale, 'email.feedbackInvite.subject', { name: args.name }),
    text: compose(locale, [
      translate(locale, 'email.feedbackInvite.body', { name: args.name, date: args.closesOn }),
      args.link,
      '',
      translate(locale, 'email.feedbackInvite.ignore'),
    ]),
  };
}
