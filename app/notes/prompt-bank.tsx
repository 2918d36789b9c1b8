import { useT } from '~/i18n/react';

import { type Theme, themes } from './themes';

/** Reflective prompts per theme beside the editor (in the page's language), for preparing and for writing. */
export function PromptBank({ prompts }: { prompts: Record<Theme, readonly string[]> }) {
  const t = useT();
  return (
    <section
      aria-labelledby="prompts-heading"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="prompts-heading" className="font-semibold">
        {t('notes.prompts')}
      </h2>
      <p className="mb-2 text-sm text-slate-700">{t('notes.promptsHint')}</p>
      {themes.map((theme) => (
        <details key={theme} className="border-t border-slate-200 py-2">
          <summary className="cursor-pointer font-medium">{t(`theme.${theme}`)}</summary>
          <ul className="mt-2 flex list-disc flex-col gap-1 pl-5 text-sm">
            {prompts[theme].map((prompt) => (
              <li key={prompt}>{prompt}</li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
