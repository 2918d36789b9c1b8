import { and, asc, eq } from 'drizzle-orm';

import { practicePrompts } from '#db/schema';
import { themes } from '#db/schema/values';
import type { DomainContext } from '~/domain/context';
import type { Locale } from '~/i18n';
import type { MemberActor } from '~/practices/actor';
import { assertRole } from '~/practices/actor';

import { defaultPrompts, type Prompt } from './default-prompts';
import type { Theme } from './themes';

export type PromptBank = Record<Theme, readonly Prompt[]>;

/** The practice's own prompt bank, or the built-in one where the practice has not edited it. */
export async function getPromptBank(
  { db }: DomainContext,
  practiceId: string,
): Promise<PromptBank> {
  const rows = await db
    .select()
    .from(practicePrompts)
    .where(eq(practicePrompts.practiceId, practiceId))
    .orderBy(asc(practicePrompts.theme), asc(practicePrompts.position));
  const bank = { ...defaultPrompts };
  for (const theme of themes) {
    const own = rows.filter((row) => row.theme === theme);
    if (own.length > 0) bank[theme] = own.map(({ fi, en }) => ({ fi, en }));
  }
  return bank;
}

/** The bank in one language, as the editor shows it: the page carries only what it shows. */
export function promptBankIn(bank: PromptBank, locale: Locale): Record<Theme, string[]> {
  const shown = {} as Record<Theme, string[]>;
  for (const theme of themes) shown[theme] = bank[theme].map((prompt) => prompt[locale]);
  return shown;
}

/** Replaces one theme's prompts for the practice (owner only); an empty list restores the defaults. */
export async function savePromptBankTheme(
  { db }: DomainContext,
  actor: MemberActor,
  theme: Theme,
  prompts: readonly Prompt[],
): Promise<void> {
  assertRole(actor, 'owner');
  await db.transaction(async (tx) => {
    await tx
      .delete(practicePrompts)
      .where(
        and(eq(practicePrompts.practiceId, actor.practiceId), eq(practicePrompts.theme, theme)),
      );
    if (prompts.length > 0) {
      await tx.insert(practicePrompts).values(
        prompts.map((prompt, position) => ({
          practiceId: actor.practiceId,
          theme,
          position,
          ...prompt,
        })),
      );
    }
  });
}
