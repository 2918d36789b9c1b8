import { useNavigation } from '@remix-run/react';
import { type ReactNode, useEffect, useRef } from 'react';

import type { FieldErrors, FormFailure } from '~/forms/parse';
import type { MessageKey } from '~/i18n';
import { useT } from '~/i18n/react';

interface FieldProps {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'date' | 'datetime-local' | 'url';
  autoComplete?: string;
  /** The on-screen keyboard to offer, e.g. digits for a one-time code. */
  inputMode?: 'numeric' | 'text';
  hint?: string;
  failure?: FormFailure | undefined;
  defaultValue?: string | number | null | undefined;
  required?: boolean;
  /** A multi-line text area instead of a one-line input. */
  rows?: number;
  min?: number | string;
  max?: number | string;
  step?: number | string;
  className?: string;
}

const inputClass =
  'rounded-md border border-slate-400 bg-white px-3 py-2 text-base focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-700 aria-[invalid]:border-red-700';

/** Ids and aria wiring shared by every field: the hint and the errors describe the input. */
function useFieldWiring(name: string, hint: string | undefined, failure: FormFailure | undefined) {
  const id = `field-${name}`;
  const errors = failure?.fieldErrors[name] ?? [];
  const describedBy = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return {
    id,
    errors,
    inputProps: {
      id,
      name,
      'aria-invalid': errors.length ? true : undefined,
      'aria-describedby': describedBy || undefined,
    },
  };
}

function FieldFrame({
  id,
  label,
  hint,
  errors,
  children,
  className,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  errors: MessageKey[];
  children: ReactNode;
  className?: string | undefined;
}) {
  const t = useT();
  return (
    <div className={`flex flex-col gap-1 ${className ?? ''}`}>
      <label htmlFor={id} className="font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      {errors.length ? (
        <ul id={`${id}-error`} className="text-sm text-red-800">
          {errors.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A labelled input whose errors are tied to it for screen readers (aria-describedby). */
export function Field({
  name,
  label,
  type = 'text',
  autoComplete,
  inputMode,
  hint,
  failure,
  defaultValue,
  required = true,
  rows,
  min,
  max,
  step,
  className,
}: FieldProps) {
  const { id, errors, inputProps } = useFieldWiring(name, hint, failure);
  const value =
    type === 'password' ? undefined : (failure?.values[name] ?? defaultValue ?? undefined);
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors} className={className}>
      {rows ? (
        <textarea
          {...inputProps}
          rows={rows}
          required={required}
          defaultValue={value ?? undefined}
          className={inputClass}
        />
      ) : (
        <input
          {...inputProps}
          type={type}
          autoComplete={autoComplete}
          inputMode={inputMode}
          required={required}
          defaultValue={value ?? undefined}
          min={min}
          max={max}
          step={step}
          className={inputClass}
        />
      )}
    </FieldFrame>
  );
}

export function SelectField({
  name,
  label,
  options,
  hint,
  failure,
  defaultValue,
  className,
}: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  hint?: string;
  failure?: FormFailure | undefined;
  defaultValue?: string | null | undefined;
  className?: string;
}) {
  const { id, errors, inputProps } = useFieldWiring(name, hint, failure);
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors} className={className}>
      <select
        {...inputProps}
        defaultValue={failure?.values[name] ?? defaultValue ?? undefined}
        className={inputClass}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({
  name,
  label,
  failure,
  defaultChecked,
}: {
  name: string;
  label: string;
  failure?: FormFailure | undefined;
  defaultChecked?: boolean;
}) {
  const t = useT();
  const { id, errors, inputProps } = useFieldWiring(name, undefined, failure);
  // After a failed submission the box shows what was sent: unchecked boxes send nothing.
  const checked = failure ? failure.values[name] === 'on' : defaultChecked;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <input
          {...inputProps}
          type="checkbox"
          defaultChecked={checked}
          className="h-5 w-5 accent-teal-800"
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {errors.length ? (
        <ul id={`${id}-error`} className="text-sm text-red-800">
          {errors.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Field name → the label shown on the form, for naming each field in the error summary. */
export type FieldLabels = Partial<Record<string, string>>;

// The summary names the field, so its message can be the short form ("Nimi: pakollinen").
const summaryMessage: Partial<Record<MessageKey, MessageKey>> = {
  'form.required': 'form.summaryRequired',
};

/**
 * Announces a failed submission and moves focus to it, so keyboard and screen-reader users
 * land on the list of what to fix: one line per field, "label: what is wrong", each linking
 * to its field.
 */
export function FormErrors({
  failure,
  labels = {},
}: {
  failure: FormFailure | undefined;
  labels?: FieldLabels;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const lines = failure ? summaryLines(failure.fieldErrors, labels, t) : [];
  const hasErrors = Boolean(failure?.formError) || lines.length > 0;
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [failure, hasErrors]);
  if (!failure || !hasErrors) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className="flex flex-col gap-1 rounded-md border border-red-700 bg-red-50 p-3 text-red-900"
    >
      <p>{failure.formError ? t(failure.formError) : t('form.errorSummary')}</p>
      {lines.length > 0 && failure.formError === undefined ? (
        <ul className="list-disc pl-5">
          {lines.map(({ field, text }) => (
            <li key={field}>
              <a href={`#field-${field}`} className="text-red-900 underline">
                {text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function summaryLines(
  fieldErrors: FieldErrors,
  labels: FieldLabels,
  t: (key: MessageKey) => string,
): { field: string; text: string }[] {
  return Object.entries(fieldErrors).flatMap(([field, keys]) => {
    if (!keys?.length) return [];
    const label = labels[field];
    const messages = keys.map((key) => t((label && summaryMessage[key]) || key)).join(' ');
    return [{ field, text: label ? `${label}: ${messages}` : messages }];
  });
}

/**
 * The form's submit button. While the form is being sent it says so (aria-busy) and ignores
 * further clicks, so a slow connection does not send the same form twice.
 */
export function SubmitButton({ children }: { children: ReactNode }) {
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  return (
    <button
      type="submit"
      aria-busy={busy || undefined}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) event.preventDefault();
      }}
      className="self-start rounded-md bg-teal-800 px-4 py-2 font-medium text-white hover:bg-teal-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-800 aria-busy:opacity-70"
    >
      {children}
    </button>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded-md border border-teal-700 bg-teal-50 p-3 text-teal-900">
      {children}
    </p>
  );
}
