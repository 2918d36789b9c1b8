import { Form } from '@remix-run/react';

import { useT } from '~/i18n/react';

/** Search and active/archived filter as a GET form: shareable URLs, works without JavaScript. */
export function ListFilter({
  q,
  status,
  searchLabel,
}: {
  q: string;
  status: 'active' | 'archived';
  searchLabel: string;
}) {
  const t = useT();
  return (
    <Form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-q" className="font-medium">
          {searchLabel}
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={q}
          className="rounded-md border border-slate-400 bg-white px-3 py-2"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-status" className="font-medium">
          {t('list.status')}
        </label>
        <select
          id="filter-status"
          name="status"
          defaultValue={status}
          className="rounded-md border border-slate-400 bg-white px-3 py-2"
        >
          <option value="active">{t('list.active')}</option>
          <option value="archived">{t('list.archived')}</option>
        </select>
      </div>
      <button
        type="submit"
        className="rounded-md border border-teal-800 px-4 py-2 font-medium text-teal-900 hover:bg-teal-50"
      >
        {t('list.search')}
      </button>
    </Form>
  );
}
