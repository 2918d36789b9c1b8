import type { MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';

import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { PublicLayout } from '~/ui/public-layout';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'signup.checkEmail.title');

/** Where sign-up lands, whether the address was new or already had an account. */
export default function CheckEmail() {
  const t = useT();
  return (
    <PublicLayout>
      <h1 className="text-2xl font-semibold">{t('signup.checkEmail.title')}</h1>
      <p className="text-slate-700">{t('signup.checkEmail.body')}</p>
      <p>
        <Link to="/login">{t('login.submit')}</Link>
      </p>
    </PublicLayout>
  );
}
