import { Form, Link } from '@remix-run/react';

import { useT } from '~/i18n/react';

/**
 * Edit and archive/restore for a register record (a client, a commissioner). Archiving is
 * a plain form post with intent=archive or intent=restore.
 */
export function RecordActions({ archived }: { archived: boolean }) {
  const t = useT();
  return (
    <div className="flex flex-wrap gap-2">
      <Link
        to="edit"
        className="rounded-md border border-teal-800 px-4 py-2 font-medium no-underline hover:bg-teal-50"
      >
        {t('form.edit')}
      </Link>
      <Form method="post">
        <input type="hidden" name="intent" value={archived ? 'restore' : 'archive'} />
        <button
          type="submit"
          className="rounded-md border border-slate-500 px-4 py-2 font-medium hover:bg-slate-100"
        >
          {archived ? t('list.restore') : t('list.archive')}
        </button>
      </Form>
    </div>
  );
}
