import { Form } from '@remix-run/react';

import type { FormFailure } from '~/forms/parse';
import type { MessageKey } from '~/i18n';
import { useT } from '~/i18n/react';
import { Field, FormErrors, SubmitButton } from '~/ui/form';

import type { InvoicingDetailField, InvoicingDetails } from './schemas';

/** Each field's label, for the fields, the error summary and the list of what is missing. */
export const invoicingDetailLabels: Record<InvoicingDetailField, MessageKey> = {
  legalName: 'billing.details.legalName',
  streetAddress: 'billing.details.streetAddress',
  postalCode: 'billing.details.postalCode',
  city: 'billing.details.city',
  businessId: 'billing.details.businessId',
  vatNumber: 'billing.details.vatNumber',
  iban: 'billing.details.iban',
  paymentTermDays: 'billing.details.paymentTermDays',
};

/**
 * What invoicing still needs, or that nothing is missing; and, without a VAT number, that
 * every invoice will be without VAT. Shown above the form and kept current after each save.
 */
export function InvoicingReadiness({
  missing,
  hasVatNumber,
}: {
  missing: readonly InvoicingDetailField[];
  hasVatNumber: boolean;
}) {
  const t = useT();
  return (
    <div className="mb-6 flex max-w-2xl flex-col gap-3">
      {missing.length > 0 ? (
        <div className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
          <p>{t('billing.details.missing')}</p>
          <ul className="list-disc pl-5">
            {missing.map((field) => (
              <li key={field}>{t(invoicingDetailLabels[field])}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="rounded-md border border-teal-700 bg-teal-50 p-3 text-teal-900">
          {t('billing.details.complete')}
        </p>
      )}
      {hasVatNumber ? null : <p className="text-slate-700">{t('billing.details.noVatNumber')}</p>}
    </div>
  );
}

/**
 * The owner's form. Nothing in it is required to save (details may be filled in over
 * time), so no field claims to be; without JavaScript it posts and comes back with errors.
 */
export function InvoicingDetailsForm({
  details,
  failure,
}: {
  /** As stored, the IBAN in its printed form. */
  details: InvoicingDetails;
  failure: FormFailure | undefined;
}) {
  const t = useT();
  const labels = Object.fromEntries(
    Object.entries(invoicingDetailLabels).map(([field, key]) => [field, t(key)]),
  );
  const field = (name: InvoicingDetailField) => ({
    name,
    label: t(invoicingDetailLabels[name]),
    required: false,
    defaultValue: details[name],
    failure,
  });
  return (
    <Form method="post" className="flex max-w-2xl flex-col gap-4" noValidate>
      <FormErrors failure={failure} labels={labels} />
      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t('billing.details.seller')}</legend>
        <Field
          {...field('legalName')}
          hint={t('billing.details.legalNameHint')}
          autoComplete="organization"
        />
        <Field {...field('streetAddress')} autoComplete="street-address" />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-[10rem_1fr]">
          <Field {...field('postalCode')} autoComplete="postal-code" inputMode="numeric" />
          <Field {...field('city')} autoComplete="address-level2" />
        </div>
        <Field {...field('businessId')} hint={t('billing.details.businessIdHint')} />
        <Field {...field('vatNumber')} hint={t('billing.details.vatNumberHint')} />
      </fieldset>
      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t('billing.details.payment')}</legend>
        <Field {...field('iban')} hint={t('billing.details.ibanHint')} autoComplete="off" />
        <Field
          {...field('paymentTermDays')}
          type="number"
          min={0}
          max={90}
          step={1}
          required
          hint={t('billing.details.paymentTermDaysHint')}
          className="max-w-xs"
        />
      </fieldset>
      <SubmitButton>{t('billing.details.submit')}</SubmitButton>
    </Form>
  );
}
