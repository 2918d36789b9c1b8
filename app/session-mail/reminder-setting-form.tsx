import { Form } from '@remix-run/react';

import type { FormFailure } from '~/forms/parse';
import { useT } from '~/i18n/react';
import { Field, FormErrors, Notice, SubmitButton } from '~/ui/form';

/**
 * The practice's mail-to-supervisees section of the settings page: the owner sets the
 * reminder time, other members read it. Posts `intent=reminders`.
 */
export function ReminderSettingSection({
  hours,
  isOwner,
  result,
}: {
  hours: number;
  isOwner: boolean;
  result: { done: boolean; failure?: FormFailure | undefined } | undefined;
}) {
  const t = useT();
  const label = t('sessionMail.settings.hours');
  return (
    <section
      aria-labelledby="reminders-heading"
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 id="reminders-heading" className="text-lg font-semibold">
        {t('sessionMail.settings.title')}
      </h2>
      <p>{t('sessionMail.settings.lead')}</p>
      {result?.done ? <Notice>{t('form.saved')}</Notice> : null}
      {isOwner ? (
        <Form method="post" className="flex flex-col gap-4" noValidate>
          <input type="hidden" name="intent" value="reminders" />
          <FormErrors failure={result?.failure} labels={{ reminderHours: label }} />
          <Field
            name="reminderHours"
            type="number"
            label={label}
            hint={t('sessionMail.settings.hoursHint')}
            defaultValue={String(hours)}
            min={0}
            max={168}
            step={1}
            failure={result?.failure}
          />
          <SubmitButton>{t('sessionMail.settings.save')}</SubmitButton>
        </Form>
      ) : (
        <p>
          {hours > 0 ? t('sessionMail.settings.current', { hours }) : t('sessionMail.settings.off')}
        </p>
      )}
    </section>
  );
}
