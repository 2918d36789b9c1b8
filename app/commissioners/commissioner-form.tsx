import { Form } from '@remix-run/react';

import type { Commissioner } from '#db/schema';
import type { FormFailure } from '~/forms/parse';
import { useT } from '~/i18n/react';
import { Field, FormErrors, SubmitButton } from '~/ui/form';

type CommissionerValues = Pick<
  Commissioner,
  | 'name'
  | 'businessId'
  | 'billingContact'
  | 'billingEmail'
  | 'addressLine'
  | 'postalCode'
  | 'city'
  | 'eInvoiceAddress'
  | 'eInvoiceOperator'
>;

/** Create and edit share one form; without JavaScript it posts and comes back with errors. */
export function CommissionerForm({
  commissioner,
  failure,
  submitLabel,
}: {
  commissioner?: CommissionerValues;
  failure: FormFailure | undefined;
  submitLabel: string;
}) {
  const t = useT();
  const c = commissioner;
  return (
    <Form method="post" className="flex max-w-2xl flex-col gap-4" noValidate>
      <FormErrors
        failure={failure}
        labels={{
          name: t('commissioners.name'),
          businessId: t('commissioners.businessId'),
          billingContact: t('commissioners.billingContact'),
          billingEmail: t('commissioners.billingEmail'),
          addressLine: t('commissioners.addressLine'),
          postalCode: t('commissioners.postalCode'),
          city: t('commissioners.city'),
          eInvoiceAddress: t('commissioners.eInvoiceAddress'),
          eInvoiceOperator: t('commissioners.eInvoiceOperator'),
        }}
      />
      <Field
        name="name"
        label={t('commissioners.name')}
        autoComplete="organization"
        defaultValue={c?.name}
        failure={failure}
      />
      <Field
        name="businessId"
        label={t('commissioners.businessId')}
        hint={t('commissioners.businessIdHint')}
        defaultValue={c?.businessId}
        failure={failure}
      />
      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 font-semibold">{t('commissioners.billing')}</legend>
        <Field
          name="billingContact"
          label={t('commissioners.billingContact')}
          required={false}
          defaultValue={c?.billingContact}
          failure={failure}
        />
        <Field
          name="billingEmail"
          type="email"
          label={t('commissioners.billingEmail')}
          required={false}
          defaultValue={c?.billingEmail}
          failure={failure}
        />
        <Field
          name="addressLine"
          label={t('commissioners.addressLine')}
          autoComplete="street-address"
          required={false}
          defaultValue={c?.addressLine}
          failure={failure}
        />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-[10rem_1fr]">
          <Field
            name="postalCode"
            label={t('commissioners.postalCode')}
            autoComplete="postal-code"
            required={false}
            defaultValue={c?.postalCode}
            failure={failure}
          />
          <Field
            name="city"
            label={t('commissioners.city')}
            autoComplete="address-level2"
            required={false}
            defaultValue={c?.city}
            failure={failure}
          />
        </div>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field
            name="eInvoiceAddress"
            label={t('commissioners.eInvoiceAddress')}
            hint={t('commissioners.eInvoiceHint')}
            required={false}
            defaultValue={c?.eInvoiceAddress}
            failure={failure}
          />
          <Field
            name="eInvoiceOperator"
            label={t('commissioners.eInvoiceOperator')}
            required={false}
            defaultValue={c?.eInvoiceOperator}
            failure={failure}
          />
        </div>
      </fieldset>
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
