import { Link } from '@remix-run/react';

/**
 * What an empty list says: why it is empty and, where there is one, the step that fills it,
 * as a link. A search that found nothing offers to clear the search instead.
 */
export function EmptyState({
  message,
  action,
}: {
  message: string;
  action?: { to: string; label: string } | null;
}) {
  return (
    <div className="flex flex-col items-start gap-3 rounded-lg border border-dashed border-slate-400 bg-white p-5">
      <p>{message}</p>
      {action ? (
        <Link
          to={action.to}
          className="rounded-md border border-teal-800 px-4 py-2 font-medium text-teal-900 no-underline hover:bg-teal-50"
        >
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
