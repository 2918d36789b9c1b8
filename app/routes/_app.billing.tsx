import type { MetaFunction } from '@remix-run/node';
import type { LoaderFunctionArgs } from '@remix-run/node';

import { requirePracticeRole } from '~/auth/guards.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { ComingSoon } from '~/ui/app-shell';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'nav.billing');

/** Billing belongs to the practice owner. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePracticeRole(request, context, 'owner');
  return null;
}

export default function Billing() {
  const t = useT();
  return <ComingSoon title={t('nav.billing')} text={t('coming.billing')} />;
}
