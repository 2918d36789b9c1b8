import { type Locale, translate } from '~/i18n';
import type { MessageKey } from '~/i18n/catalogue';

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
