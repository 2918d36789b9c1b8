import { Form } from '@remix-run/react';

import { useT } from '~/i18n/react';

/** Shown in the app until the user confirms their address; the button mails a new link. */
export function VerificationBanner() {
  const t = useT();
  return (
    <div
      role="region"
      aria-label={t('verify.bannerLabel')}
      className="flex flex-wrap items-center gap-3 border-b border-amber-300 bg-amber-50 px-4 py-3 text-amber-950"
    >
      <p>{t('verify.banner')}</p>
      <Form method="post" action="/verify-email/resend">
        <button type="submit" className="rounded border border-amber-900 px-2 py-1 text-sm">
          {t('verify.resend')}
        </button>
      </Form>
    </div>
  );
}
