import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { requirePracticeRole } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import type { MessageKey } from '~/i18n';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { searchQuery } from '~/search/schemas';
import { search } from '~/search/search.server';
import { SearchResultGroups } from '~/search/search-results';
import { PageHeader } from '~/ui/app-shell';

export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) =>
  page?.query
    ? pageTitle(matches, ['search.titleWith', { query: page.query }])
    : pageTitle(matches, 'search.title');

/**
 * `/search?q=…` from the header's field. A query that cannot be searched (too long, control
 * characters) is answered 400 with the reason on the page, the field still holding it.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const typed = new URL(request.url).searchParams.get('q') ?? '';
  const parsed = searchQuery.safeParse(typed);
  if (!parsed.success) {
    const problem = (parsed.error.issues[0]?.message ?? 'search.invalid') as MessageKey;
    return data({ query: '', problem, results: null }, { status: 400 });
  }
  const query = parsed.data;
  const ctx = domainContext(context);
  return { query, problem: null, results: query ? await search(ctx, actor, query) : null };
}

export default function Search() {
  const t = useT();
  const { query, problem, results } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={t('search.title')}
        lead={query ? t('search.lead', { query }) : undefined}
      />
      {problem ? (
        <p
          role="alert"
          className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 text-red-900"
        >
          {t(problem)}
        </p>
      ) : null}
      {results ? (
        <SearchResultGroups query={query} results={results} />
      ) : (
        <div className="flex max-w-prose flex-col gap-3 text-slate-700">
          <p>{t('search.hint')}</p>
          <p>{t('search.private')}</p>
        </div>
      )}
    </>
  );
}
