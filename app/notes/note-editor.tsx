import { Form, useFetcher } from '@remix-run/react';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';

import { formatTime } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';

import type { PrivateNote, SharedDraft } from './content';
import { NoteArea } from './note-areas';
import { type Theme, themes } from './themes';

export interface EditorValues {
  private: PrivateNote;
  shared: SharedDraft;
  themes: Theme[];
  autoThemes: boolean;
}

/** What the note action answers; the editor reacts to each. */
export type SaveResult =
  | { status: 'saved'; version: number; savedAt: string }
  | { status: 'published'; revision: number }
  | { status: 'conflict'; mine: EditorValues; theirs: EditorValues; currentVersion: number }
  | { status: 'invalid' }
  | { status: 'error'; messageKey: 'notes.nothingToPublish' | 'notes.publishNeedsHeld' };

const AUTOSAVE_DELAY_MS = 1500;

/**
 * The four-theme note editor. Without JavaScript it is a form with Save and Publish buttons.
 * With JavaScript it also saves itself a moment after typing stops, one save at a time, so
 * its own saves never collide; a save from another window is shown, never overwritten.
 */
export function NoteEditor({
  values,
  version: initialVersion,
  result,
  canPublish,
}: {
  values: EditorValues;
  version: number;
  result: SaveResult | undefined;
  /** A summary is published only for a session that was held. */
  canPublish: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const fetcher = useFetcher<SaveResult>();
  const conflict =
    result?.status === 'conflict'
      ? result
      : fetcher.data?.status === 'conflict'
        ? fetcher.data
        : undefined;
  const [version, setVersion] = useState(conflict ? conflict.currentVersion : initialVersion);
  const versionRef = useRef(version);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const shown = conflict ? conflict.mine : values;

  const save = useCallback(() => {
    const form = formRef.current;
    if (!form) return;
    if (fetcher.state !== 'idle') {
      dirty.current = true;
      return;
    }
    dirty.current = false;
    const data = new FormData(form);
    data.set('intent', 'save');
    data.set('baseVersion', String(versionRef.current));
    fetcher.submit(data, { method: 'post' });
  }, [fetcher]);

  useEffect(() => {
    if (fetcher.state !== 'idle' || !fetcher.data) return;
    if (fetcher.data.status === 'saved') {
      versionRef.current = fetcher.data.version;
      setVersion(fetcher.data.version);
      setSavedAt(fetcher.data.savedAt);
      if (dirty.current) save();
    } else if (fetcher.data.status === 'conflict') {
      versionRef.current = fetcher.data.currentVersion;
      setVersion(fetcher.data.currentVersion);
    }
  }, [fetcher.state, fetcher.data, save]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const onInput = () => {
    if (conflict) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(save, AUTOSAVE_DELAY_MS);
  };

  // With JavaScript, "Save" goes through the same one-at-a-time queue as autosave.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (submitter instanceof HTMLButtonElement && submitter.value === 'save') {
      event.preventDefault();
      clearTimeout(timer.current);
      save();
    }
  };

  const status =
    fetcher.state !== 'idle'
      ? t('notes.saving')
      : savedAt
        ? t('notes.savedAt', { time: formatTime(new Date(savedAt), locale) })
        : null;

  return (
    <Form
      method="post"
      ref={formRef}
      onInput={onInput}
      onSubmit={onSubmit}
      className="flex flex-col gap-6"
    >
      <input type="hidden" name="baseVersion" value={version} />
      {conflict ? <ConflictNotice mine={conflict.mine} theirs={conflict.theirs} /> : null}
      {result?.status === 'error' ? (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
          {t(result.messageKey)}
        </p>
      ) : null}
      {result?.status === 'published' ? (
        <p role="status" className="rounded-md border border-teal-700 bg-teal-50 p-3 text-teal-900">
          {t('notes.publishedNow', { revision: result.revision })}
        </p>
      ) : null}

      <fieldset className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-4">
        <legend className="px-1 font-semibold">{t('notes.general')}</legend>
        <NoteArea kind="private" name="p_general" defaultValue={shown.private.general} />
      </fieldset>

      {themes.map((theme) => (
        <fieldset
          key={theme}
          className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-4"
        >
          <legend className="px-1 font-semibold">{t(`theme.${theme}`)}</legend>
          <NoteArea kind="private" name={`p_${theme}`} defaultValue={shown.private[theme]} />
          <NoteArea kind="shared" name={`s_${theme}`} defaultValue={shown.shared[theme]} />
        </fieldset>
      ))}

      <fieldset className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-4">
        <legend className="px-1 font-semibold">{t('notes.actions')}</legend>
        <NoteArea
          kind="shared"
          name="actions"
          label={t('notes.actionsHint')}
          rows={4}
          defaultValue={shown.shared.actions.join('\n')}
        />
      </fieldset>

      <fieldset className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-4">
        <legend className="px-1 font-semibold">{t('notes.themesAddressed')}</legend>
        <div className="flex items-center gap-2">
          <input
            id="themesAuto"
            name="themesAuto"
            type="checkbox"
            defaultChecked={shown.autoThemes}
            className="h-5 w-5 accent-teal-800"
          />
          <label htmlFor="themesAuto">{t('notes.themesAuto')}</label>
        </div>
        <div className="flex flex-wrap gap-4">
          {themes.map((theme) => (
            <div key={theme} className="flex items-center gap-2">
              <input
                id={`theme_${theme}`}
                name={`theme_${theme}`}
                type="checkbox"
                defaultChecked={shown.themes.includes(theme)}
                className="h-5 w-5 accent-teal-800"
              />
              <label htmlFor={`theme_${theme}`}>{t(`theme.${theme}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          name="intent"
          value="save"
          className="rounded-md bg-teal-800 px-4 py-2 font-medium text-white hover:bg-teal-900"
        >
          {t('notes.save')}
        </button>
        <button
          type="submit"
          name="intent"
          value="preview"
          className="rounded-md border border-sky-800 px-4 py-2 font-medium text-sky-900 hover:bg-sky-50"
        >
          {t('notes.preview')}
        </button>
        {canPublish ? (
          <button
            type="submit"
            name="intent"
            value="publish"
            className="rounded-md border border-teal-800 px-4 py-2 font-medium text-teal-900 hover:bg-teal-50"
          >
            {t('notes.publish')}
          </button>
        ) : null}
        <p aria-live="polite" className="text-sm text-slate-700" data-testid="save-status">
          {status}
        </p>
      </div>
      <p className="text-sm text-slate-600">
        {t(canPublish ? 'notes.publishHint' : 'notes.publishNeedsHeld')}
      </p>
    </Form>
  );
}

/**
 * Shows what the other window saved in the parts where it differs from the text kept in the
 * form, so the supervisor can merge by hand.
 */
function ConflictNotice({ mine, theirs }: { mine: EditorValues; theirs: EditorValues }) {
  const t = useT();
  const parts: [string, string, string][] = [
    [t('notes.general'), theirs.private.general, mine.private.general],
    ...themes.flatMap((theme): [string, string, string][] => [
      [
        `${t(`theme.${theme}`)} – ${t('notes.privateLabel')}`,
        theirs.private[theme],
        mine.private[theme],
      ],
      [
        `${t(`theme.${theme}`)} – ${t('notes.sharedLabel')}`,
        theirs.shared[theme],
        mine.shared[theme],
      ],
    ]),
    [t('notes.actions'), theirs.shared.actions.join('\n'), mine.shared.actions.join('\n')],
  ];
  return (
    <section
      role="alert"
      aria-labelledby="conflict-heading"
      className="rounded-md border border-amber-700 bg-amber-50 p-4 text-amber-950"
    >
      <h2 id="conflict-heading" className="font-semibold">
        {t('notes.staleEdit')}
      </h2>
      <p className="mt-1 text-sm">{t('notes.conflictHint')}</p>
      <dl className="mt-3 flex flex-col gap-2">
        {parts
          .filter(([, text, own]) => text.trim() !== own.trim())
          .map(([label, text]) => (
            <div key={label}>
              <dt className="text-sm font-medium">{label}</dt>
              <dd className="whitespace-pre-wrap">{text}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
