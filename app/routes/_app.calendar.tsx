import { useT } from '~/i18n/react';
import { ComingSoon } from '~/ui/app-shell';

export default function Calendar() {
  const t = useT();
  return <ComingSoon title={t('nav.calendar')} text={t('coming.calendar')} />;
}
