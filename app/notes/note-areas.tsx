/**
 * The two kinds of note text look different everywhere in the editor, so nobody writes a
 * private thought into the summary by mistake: label, colour, icon and a sentence that
 * says who will read it.
 */
import { useT } from '~/i18n/react';

const textareaClass =
  'w-full rounded-md border bg-white px-3 py-2 text-base focus:outline-none focus-visible:ring-2';

const looks = {
  private: {
    frame: 'border-l-4 border-slate-700 bg-slate-100',
    input: 'border-slate-500 focus-visible:ring-slate-700',
    label: 'notes.privateLabel',
    readers: 'notes.privateReaders',
    // A closed padlock.
    icon: 'M7 11V8a5 5 0 0 1 10 0v3M5 11h14v10H5z',
  },
  shared: {
    frame: 'border-l-4 border-sky-700 bg-sky-50',
    input: 'border-sky-600 focus-visible:ring-sky-700',
    label: 'notes.sharedLabel',
    readers: 'notes.sharedReaders',
    // Two people.
    icon: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20a6 6 0 0 1 12 0M17 11a3 3 0 1 0 0-6M21 20a6 6 0 0 0-4-5.6',
  },
} as const;

export function NoteArea({
  kind,
  name,
  defaultValue,
  rows = 3,
  label,
}: {
  kind: 'private' | 'shared';
  name: string;
  defaultValue: string;
  rows?: number;
  /** Replaces the kind's own label where the field needs a more specific one. */
  label?: string;
}) {
  const t = useT();
  const look = looks[kind];
  return (
    <div className={`flex flex-col gap-1 rounded-md p-3 ${look.frame}`} data-note-area={kind}>
      <label htmlFor={name} className="flex items-center gap-2 text-sm font-semibold">
        <svg
          aria-hidden="true"
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d={look.icon} />
        </svg>
        {label ?? t(look.label)}
      </label>
      <p id={`${name}-readers`} className="text-sm text-slate-700">
        {t(look.readers)}
      </p>
      <textarea
        id={name}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={`${name}-readers`}
        className={`${textareaClass} ${look.input}`}
      />
    </div>
  );
}
