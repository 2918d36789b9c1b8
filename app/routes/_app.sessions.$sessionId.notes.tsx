import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import {
  Link,
  type ShouldRevalidateFunction,
  useActionData,
  useLoaderData,
} from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { type BadRequest, badRequest, refused } from '~/forms/respond.server';
import { idParam } from '~/http/params.server';
import { formatDate, formatTime } from '~/i18n/format';
import { resolveLocale } from '~/i18n/locale.server';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { deriveThemes } from '~/notes/content';
import { getNoteForEditing } from '~/notes/get-note-for-editing.server';
import { type EditorValues, NoteEditor, type SaveResult } from '~/notes/note-editor';
import { PromptBank } from '~/notes/prompt-bank';
import { getPromptBank, promptBankIn } from '~/notes/prompts.server';
import { saveAndPublish } from '~/notes/save-and-publish.server';
import { saveNote } from '~/notes/save-note.server';
import { parseNoteForm } from '~/notes/schemas';
import { PageHeader } from '~/ui/app-shell';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notes.title');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const sessionId = idParam(params.sessionId);
  const ctx = domainContext(context);
  // The prompt bank is the practice's, not the note's: it is read beside the note.
  const [note, bank] = await Promise.all([
    getNoteForEditing(ctx, actor, sessionId).catch(throwAsResponse),
    getPromptBank(ctx, actor.practiceId),
  ]);
  const autoThemes =
    note.version === 0 ||
    deriveThemes(note.private, note.shared).join() === [...note.themes].join();
  const values: EditorValues = {
    private: note.private,
    shared: note.shared,
    themes: note.themes,
    autoThemes,
  };
  return {
    session: note.session,
    version: note.version,
    values,
    publications: note.publications,
    prompts: promptBankIn(bank, resolveLocale(request, context)),
  };
}

export async function action({
  request,
  params,
  context,
}: ActionFunctionArgs): Promise<SaveResult | BadRequest<SaveResult>> {
  const actor = await requirePracticeRole(request, context);
  const sessionId = idParam(params.sessionId);
  const form = await request.formData();
  const input = parseNoteForm(form);
  if (!input) return badRequest<SaveResult>({ status: 'invalid' });
  const ctx = domainContext(context);
  try {
    if (form.get('intent') === 'publish') {
      const { revision } = await saveAndPublish(ctx, actor, sessionId, input, {
        appOrigin: context.config.appOrigin,
      });
      return { status: 'published', revision };
    }
    const saved = await saveNote(ctx, actor, sessionId, input);
    if (form.get('intent') === 'preview') throw redirect(`/sessions/${sessionId}/summary-preview`);
    return { status: 'saved', version: saved.version, savedAt: new Date().toISOString() };
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.messageKey === 'notes.staleEdit') {
      const current = await getNoteForEditing(ctx, actor, sessionId);
      return refused<SaveResult>(error, {
        status: 'conflict',
        currentVersion: current.version,
        mine: { ...input, themes: input.themes ?? [], autoThemes: input.themes === null },
        theirs: {
          private: current.private,
          shared: current.shared,
          themes: current.themes,
          autoThemes: false,
        },
      });
    }
    if (
      error.messageKey === 'notes.nothingToPublish' ||
      error.messageKey === 'notes.publishNeedsHeld'
    ) {
      return refused<SaveResult>(error, { status: 'error', messageKey: error.messageKey });
    }
    throwAsResponse(error);
  }
}

// An autosave changes nothing the page shows; reloading would only add audit entries.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  defaultShouldRevalidate,
}) => (formData?.get('intent') === 'save' ? false : defaultShouldRevalidate);

export default function SessionNotes() {
  const t = useT();
  const locale = useLocale();
  const { session, version, values, publications, prompts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const startsAt = new Date(session.startsAt);
  return (
    <>
      <p className="mb-2">
        <Link to={`/sessions/${session.id}`}>{t('notes.backToSession')}</Link>
      </p>
      <PageHeader
        title={t('notes.title')}
        lead={`${session.contractCode} · ${formatDate(startsAt, locale)} ${formatTime(startsAt, locale)}`}
      />
      <p className="mb-6 max-w-3xl rounded-md border border-slate-300 bg-white p-3 text-sm text-slate-700">
        {t('notes.confidentiality')}
      </p>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <NoteEditor
          values={values}
          version={version}
          result={result}
          canPublish={session.status === 'held'}
        />
        <aside aria-labelledby="prompts-heading" className="flex flex-col gap-4">
          <PromptBank prompts={prompts} />
          <section
            aria-labelledby="publications-heading"
            className="rounded-lg border border-slate-200 bg-white p-4"
          >
            <h2 id="publications-heading" className="font-semibold">
              {t('notes.publications')}
            </h2>
            {publications.length === 0 ? (
              <p className="text-sm text-slate-700">{t('notes.notPublished')}</p>
            ) : (
              <ul className="mt-2 flex flex-col gap-1 text-sm">
                {publications.map((p) => (
                  <li key={p.revision}>
                    {t('notes.revision', { revision: p.revision })}:{' '}
                    {formatDate(new Date(p.publishedAt), locale)}{' '}
                    {formatTime(new Date(p.publishedAt), locale)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}
