import { Link, useLocation } from '@remix-run/react';

import { useT } from '~/i18n/react';

/**
 * Where a list's page stands, with plain links to the pages beside it: they keep every
 * other parameter of the address (search, filters), so they work without JavaScript and can
 * be bookmarked. A filter form, by contrast, starts again from the first page.
 */
export function Pagination({
  page,
  pageCount,
  total,
  pageSize,
}: {
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
}) {
  const t = useT();
  const { pathname, search } = useLocation();
  if (total === 0) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(search);
    if (target === 1) params.delete('page');
    else params.set('page', String(target));
    const query = params.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  const link = 'rounded-md border border-slate-400 px-3 py-1 no-underline hover:bg-slate-50';
  return (
    <nav aria-label={t('list.pagination')} className="my-3 flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev" className={link}>
          {t('list.previousPage')}
        </Link>
      ) : null}
      <p className="m-0">
        {pageCount > 1 ? <span>{t('list.pageOf', { page, pageCount })} </span> : null}
        <span className="text-slate-700">{t('list.rowsOf', { first, last, total })}</span>
      </p>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next" className={link}>
          {t('list.nextPage')}
        </Link>
      ) : null}
    </nav>
  );
}
