import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';

import { requirePracticeRole } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import { badRequest } from '~/forms/respond.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import {
  applyPromptListIntent,
  MAX_PROMPT_CHARS,
  MAX_PROMPTS,
  parsePromptListIntent,
  type PromptRow,
  type PromptRowError,
  promptRowsFrom,
  validatePromptRows,
} from '~/notes/prompt-list';
import { getPromptBank, savePromptBankTheme } from '~/notes/prompts.server';
import { isTheme, type Theme, themes } from '~/notes/themes';
import { PageHeader } from '~/ui/app-shell';
import { Notice, SubmitButton } from '~/ui/form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notes.promptBankTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  return { bank: await getPromptBank(domainContext(context), actor.practiceId) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const ctx = domainContext(context);
  const form = await request.formData();
  const theme = form.get('theme');
  // Enter in a text field presses the form's first button, which is Save.
  const intent = parsePromptListIntent(form.get('intent') ?? 'save');
  if (!isTheme(theme) || !intent) throw new Response(null, { status: 400 });
  const saved = redirect(`/settings/prompts?saved=${theme}#bank-${theme}`);
  if (intent.kind === 'reset') {
    await savePromptBankTheme(ctx, actor, theme, []);
    return saved;
  }
  let rows = applyPromptListIntent(promptRowsFrom(form.getAll('fi'), form.getAll('en')), intent);
  const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : '');
  if (intent.kind === 'add') {
    const added = { fi: text(form.get('newFi')), en: text(form.get('newEn')) };
    if (!added.fi.trim() && !added.en.trim()) {
      return badRequest({ theme, rows, rowErrors: {}, tooMany: false, newEmpty: true });
    }
    rows = [...rows, added];
  }
  const result = validatePromptRows(rows);
  if (!result.ok) return badRequest({ theme, rows, ...result, newEmpty: false });
  await savePromptBankTheme(ctx, actor, theme, result.prompts);
  return saved;
}

const inputClass =
  'w-full rounded-md border border-slate-400 bg-white px-3 py-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-700 aria-[invalid]:border-red-700';
const smallButton =
  'rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-800';

export default function PromptBankSettings() {
  const t = useT();
  const { bank } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get('saved');
  return (
    <>
      <PageHeader title={t('notes.promptBankTitle')} lead={t('notes.promptBankLead')} />
      <div className="flex flex-col gap-6">
        {themes.map((theme) => (
          <ThemePrompts
            key={theme}
            theme={theme}
            prompts={bank[theme]}
            saved={saved === theme}
            failed={failed?.theme === theme ? failed : undefined}
          />
        ))}
      </div>
    </>
  );
}

function ThemePrompts({
  theme,
  prompts,
  saved,
  failed,
}: {
  theme: Theme;
  prompts: readonly PromptRow[];
  saved: boolean;
  failed:
    | {
        rows: PromptRow[];
        rowErrors: Record<number, PromptRowError>;
        tooMany: boolean;
        newEmpty: boolean;
      }
    | undefined;
}) {
  const t = useT();
  const rows = failed?.rows ?? prompts;
  const errorId = `bank-${theme}-error`;
  const fieldId = (index: number | 'new', language: 'fi' | 'en') =>
    `bank-${theme}-${index}-${language}`;
  return (
    <section
      id={`bank-${theme}`}
      aria-labelledby={`bank-${theme}-title`}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 id={`bank-${theme}-title`} className="text-lg font-semibold">
        {t(`theme.${theme}`)}
      </h2>
      {saved ? <Notice>{t('form.saved')}</Notice> : null}
      {failed ? (
        <p role="alert" id={errorId} className="text-red-800">
          {t(
            failed.tooMany
              ? 'notes.promptsTooMany'
              : failed.newEmpty
                ? 'notes.promptNewEmpty'
                : 'notes.promptsCheckRows',
          )}
        </p>
      ) : null}
      <Form method="post" className="flex flex-col gap-4">
        <input type="hidden" name="theme" value={theme} />
        {/* The first button of the form, so that Enter in a text field saves. */}
        <button
          type="submit"
          name="intent"
          value="save"
          className="sr-only"
          tabIndex={-1}
          aria-hidden="true"
        >
          {t('form.save')}
        </button>
        <ol className="flex flex-col gap-3">
          {rows.map((row, index) => {
            const rowError = failed?.rowErrors[index];
            const number = index + 1;
            return (
              <li key={index} className="rounded-md border border-slate-200 p-3">
                <fieldset className="flex flex-col gap-2">
                  <legend className="font-medium">{t('notes.promptNumber', { number })}</legend>
                  <div className="grid grid-cols-1 gap-2 md:grid-cols-2">
                    {(['fi', 'en'] as const).map((language) => (
                      <div key={language} className="flex flex-col gap-1">
                        <label htmlFor={fieldId(index, language)} className="text-sm">
                          {t(language === 'fi' ? 'notes.promptFinnish' : 'notes.promptEnglish')}
                        </label>
                        <input
                          id={fieldId(index, language)}
                          name={language}
                          defaultValue={row[language]}
                          maxLength={MAX_PROMPT_CHARS}
                          aria-invalid={rowError === language || undefined}
                          aria-describedby={
                            rowError === language ? `${fieldId(index, language)}-error` : undefined
                          }
                          className={inputClass}
                        />
                        {rowError === language ? (
                          <p
                            id={`${fieldId(index, language)}-error`}
                            className="text-sm text-red-800"
                          >
                            {t('notes.promptMissingLanguage')}
                          </p>
                        ) : null}
                      </div>
                    ))}
                  </div>
                  <div className="flex flex-wrap gap-2">
                    {index > 0 ? (
                      <button
                        type="submit"
                        name="intent"
                        value={`up-${index}`}
                        className={smallButton}
                        aria-label={t('notes.promptMoveUpLabel', { number })}
                      >
                        {t('notes.promptMoveUp')}
                      </button>
                    ) : null}
                    {index < rows.length - 1 ? (
                      <button
                        type="submit"
                        name="intent"
                        value={`down-${index}`}
                        className={smallButton}
                        aria-label={t('notes.promptMoveDownLabel', { number })}
                      >
                        {t('notes.promptMoveDown')}
                      </button>
                    ) : null}
                    <button
                      type="submit"
                      name="intent"
                      value={`remove-${index}`}
                      className={smallButton}
                      aria-label={t('notes.promptRemoveLabel', { number })}
                    >
                      {t('notes.promptRemove')}
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        {rows.length < MAX_PROMPTS ? (
          <fieldset className="flex flex-col gap-2 rounded-md border border-dashed border-slate-400 p-3">
            <legend className="font-medium">{t('notes.promptNew')}</legend>
            <div className="grid grid-cols-1 gap-2 md:grid-cols-2">
              {(['fi', 'en'] as const).map((language) => (
                <div key={language} className="flex flex-col gap-1">
                  <label htmlFor={fieldId('new', language)} className="text-sm">
                    {t(language === 'fi' ? 'notes.promptFinnish' : 'notes.promptEnglish')}
                  </label>
                  <input
                    id={fieldId('new', language)}
                    name={language === 'fi' ? 'newFi' : 'newEn'}
                    maxLength={MAX_PROMPT_CHARS}
                    aria-invalid={failed?.newEmpty || undefined}
                    aria-describedby={failed?.newEmpty ? errorId : undefined}
                    className={inputClass}
                  />
                </div>
              ))}
            </div>
            <button type="submit" name="intent" value="add" className={`${smallButton} self-start`}>
              {t('notes.promptAdd')}
            </button>
          </fieldset>
        ) : null}
        <p className="text-sm text-slate-700">{t('notes.promptsEmptyMeansDefaults')}</p>
        <div className="flex flex-wrap gap-3">
          <SubmitButton>{t('form.save')}</SubmitButton>
          <button
            type="submit"
            name="intent"
            value="reset"
            className="rounded-md border border-slate-500 px-4 py-2 hover:bg-slate-100"
          >
            {t('notes.promptsReset')}
          </button>
        </div>
      </Form>
    </section>
  );
}
