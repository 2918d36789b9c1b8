import { Form, Link } from '@remix-run/react';
import type { ReactNode } from 'react';

import { formatDecimal } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';
import { formatMoney } from '~/money/cents';
import { SubmitButton } from '~/ui/form';

import type { PortalSessionView } from './portal-session.server';

/**
 * Cancelling in the portal. The rule and, inside the notice period, the charge are shown
 * before anything is sent; a late cancellation needs a second, explicit confirmation (a
 * plain form, so it works without JavaScript).
 */
export function CancelSection({
  view,
  confirming,
  error,
}: {
  view: PortalSessionView;
  confirming: boolean;
  error: string | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const { cancellation, contract } = view;
  if (!view.coming) return null;
  if (!cancellation.possible) {
    if (cancellation.reason !== 'group') return null;
    return (
      <Section>
        <p>{t('between.cancel.group')}</p>
      </Section>
    );
  }
  const vat =
    contract.vatRateBasisPoints === null
      ? ''
      : t('between.cancel.vat', {
          rate: formatDecimal(contract.vatRateBasisPoints / 100, locale),
        });
  const terms = !cancellation.late
    ? t('between.cancel.onTime')
    : cancellation.chargeable
      ? t('between.cancel.lateCharged', { price: formatMoney(contract.priceCents, locale), vat })
      : t('between.cancel.lateFree');
  const rule = t('between.cancel.rule', { hours: contract.cancellationNoticeHours });
  return (
    <Section>
      {error ? (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
          {error}
        </p>
      ) : null}
      {confirming ? (
        <div
          role="alert"
          className="flex flex-col gap-3 rounded-md border border-amber-700 bg-amber-50 p-4"
        >
          <h3 className="font-semibold">{t('between.cancel.confirmHeading')}</h3>
          <p>{rule}</p>
          <p>{terms}</p>
          <Form method="post" className="flex flex-wrap items-center gap-4">
            <input type="hidden" name="intent" value="cancel" />
            <input type="hidden" name="acknowledgeLate" value="on" />
            <SubmitButton>{t('between.cancel.confirm')}</SubmitButton>
            <Link to={`/portal/sessions/${view.session.id}`}>{t('between.cancel.keep')}</Link>
          </Form>
        </div>
      ) : (
        <>
          <p>{rule}</p>
          <p>{terms}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <SubmitButton>{t('between.cancel.submit')}</SubmitButton>
          </Form>
        </>
      )}
    </Section>
  );
}

function Section({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <section aria-labelledby="cancel-heading" className="flex flex-col gap-3">
      <h2 id="cancel-heading" className="text-lg font-semibold">
        {t('between.cancel.heading')}
      </h2>
      {children}
    </section>
  );
}
