/** Building blocks shared by the sections of the contract form. */
import type { ReactNode } from 'react';

import type { FormFailure } from '~/forms/parse';
import { useT } from '~/i18n/react';

import type { ContractFormValues } from './form-values';

/** What every section needs: the starting values, overridden by what a failed submit sent. */
export interface SectionProps {
  values: ContractFormValues;
  failure: FormFailure | undefined;
}

/** The value a field shows: the one just submitted, else the stored or default one. */
export function shownValue({ values, failure }: SectionProps, name: string): string | undefined {
  return failure ? failure.values[name] : values[name];
}

/** A checkbox is on when it was sent (after a failed submit) or is on in the values. */
export function isChecked(props: SectionProps, name: string): boolean {
  return shownValue(props, name) === 'on';
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
      <legend className="px-1 text-lg font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

/** Errors of a group of inputs, shown under its legend and tied to it for screen readers. */
export function GroupErrors({
  id,
  failure,
  name,
}: {
  id: string;
  failure: FormFailure | undefined;
  name: string;
}) {
  const t = useT();
  const errors = failure?.fieldErrors[name] ?? [];
  if (errors.length === 0) return null;
  return (
    <ul id={id} className="text-sm text-red-800">
      {errors.map((key) => (
        <li key={key}>{t(key)}</li>
      ))}
    </ul>
  );
}
