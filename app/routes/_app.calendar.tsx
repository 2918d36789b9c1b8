import type { MetaFunction } from '@remix-run/node';

import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { ComingSoon } from '~/ui/app-shell';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'nav.calendar');

export default function Calendar() {
  const t = useT();
  return <ComingSoon title={t('nav.calendar')} text={t('coming.calendar')} />;
}
