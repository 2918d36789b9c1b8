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
import { getPromptBank, savePromptBankTheme } from '~/notes/prompts.server';
import { parsePromptLines } from '~/notes/schemas';
import { isTheme, themes } from '~/notes/themes';
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
  if (!isTheme(theme)) throw new Response(null, { status: 400 });
  if (form.get('intent') === 'reset') {
    await savePromptBankTheme(ctx, actor, theme, []);
    return redirect(`/settings/prompts?saved=${theme}`);
  }
  const prompts = parsePromptLines(String(form.get('fi') ?? ''), String(form.get('en') ?? ''));
  if (!prompts) {
    return badRequest({
      theme,
      fi: String(form.get('fi') ?? ''),
      en: String(form.get('en') ?? ''),
    });
  }
  await savePromptBankTheme(ctx, actor, theme, prompts);
  return redirect(`/settings/prompts?saved=${theme}`);
}

const textareaClass =
  'w-full rounded-md border border-slate-400 bg-white px-3 py-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-700';

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
        {themes.map((theme) => {
          const failedHere = failed?.theme === theme ? failed : undefined;
          return (
            <section
              key={theme}
              aria-labelledby={`bank-${theme}`}
              className="rounded-lg border border-slate-200 bg-white p-5"
            >
              <h2 id={`bank-${theme}`} className="mb-3 text-lg font-semibold">
                {t(`theme.${theme}`)}
              </h2>
              {saved === theme ? <Notice>{t('form.saved')}</Notice> : null}
              <Form method="post" className="flex flex-col gap-3">
                <input type="hidden" name="theme" value={theme} />
                {failedHere ? (
                  <p role="alert" id={`bank-${theme}-error`} className="text-red-800">
                    {t('notes.promptsMismatch')}
                  </p>
                ) : null}
                <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                  {(['fi', 'en'] as const).map((language) => (
                    <div key={language} className="flex flex-col gap-1">
                      <label htmlFor={`bank-${theme}-${language}`} className="font-medium">
                        {t(language === 'fi' ? 'notes.promptsFinnish' : 'notes.promptsEnglish')}
                      </label>
                      <textarea
                        id={`bank-${theme}-${language}`}
                        name={language}
                        rows={8}
                        aria-invalid={failedHere ? true : undefined}
                        aria-describedby={failedHere ? `bank-${theme}-error` : undefined}
                        defaultValue={
                          failedHere
                            ? failedHere[language]
                            : bank[theme].map((p) => p[language]).join('\n')
                        }
                        className={textareaClass}
                      />
                    </div>
                  ))}
                </div>
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
        })}
      </div>
    </>
  );
}
