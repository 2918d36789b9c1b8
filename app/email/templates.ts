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
