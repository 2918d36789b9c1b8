import { Form } from '@remix-run/react';

import type { FormFailure } from '~/forms/parse';
import { useT } from '~/i18n/react';
import { Field, FormErrors, SubmitButton } from '~/ui/form';

interface ClientValues {
  name: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  organisation: string | null;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  background: string | null;
  /** False when the rule on backgrounds keeps this actor out (docs/decisions/008). */
  backgroundAccess?: boolean;
}

export function ClientForm({
  client,
  failure,
  submitLabel,
}: {
  client?: ClientValues;
  failure: FormFailure | undefined;
  submitLabel: string;
}) {
  const t = useT();
  return (
    <Form method="post" className="flex max-w-2xl flex-col gap-4" noValidate>
      <FormErrors
        failure={failure}
        labels={{
          name: t('clients.name'),
          email: t('clients.email'),
          phone: t('clients.phone'),
          title: t('clients.titleColumn'),
          organisation: t('clients.organisation'),
          streetAddress: t('clients.streetAddress'),
          postalCode: t('clients.postalCode'),
          city: t('clients.city'),
          background: t('clients.background'),
        }}
      />
      <Field
        name="name"
        label={t('clients.name')}
        autoComplete="off"
        defaultValue={client?.name}
        failure={failure}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field
          name="email"
          type="email"
          label={t('clients.email')}
          autoComplete="off"
          required={false}
          defaultValue={client?.email}
          failure={failure}
        />
        <Field
          name="phone"
          type="tel"
          label={t('clients.phone')}
          autoComplete="off"
          required={false}
          defaultValue={client?.phone}
          failure={failure}
        />
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field
          name="title"
          label={t('clients.titleColumn')}
          required={false}
          defaultValue={client?.title}
          failure={failure}
        />
        <Field
          name="organisation"
          label={t('clients.organisation')}
          required={false}
          defaultValue={client?.organisation}
          failure={failure}
        />
      </div>
      {/* Another person's address: the browser's autofill would offer the user's own. */}
      <fieldset className="flex flex-col gap-4">
        <legend className="font-semibold text-slate-800">{t('clients.billingAddress')}</legend>
        <p className="text-sm text-slate-600">{t('clients.billingAddressHint')}</p>
        <Field
          name="streetAddress"
          label={t('clients.streetAddress')}
          autoComplete="off"
          required={false}
          defaultValue={client?.streetAddress}
          failure={failure}
        />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-[10rem_1fr]">
          <Field
            name="postalCode"
            label={t('clients.postalCode')}
            autoComplete="off"
            inputMode="numeric"
            required={false}
            defaultValue={client?.postalCode}
            failure={failure}
          />
          <Field
            name="city"
            label={t('clients.city')}
            autoComplete="off"
            required={false}
            defaultValue={client?.city}
            failure={failure}
          />
        </div>
      </fieldset>
      {client?.backgroundAccess === false ? (
        <p className="text-sm text-slate-600">{t('clients.backgroundWithheld')}</p>
      ) : (
        <Field
          name="background"
          label={t('clients.background')}
          hint={t('clients.backgroundHint')}
          rows={6}
          required={false}
          defaultValue={client?.background}
          failure={failure}
        />
      )}
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
