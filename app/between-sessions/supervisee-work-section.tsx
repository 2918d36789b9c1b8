import { formatDateTime } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';

import type { SuperviseeWork } from './supervisee-work.server';

/**
 * On the staff session page: what the supervisees wrote about this session in the portal —
 * reflections, their marks on the agreed actions, their messages. Self-contained.
 */
export function SuperviseeWorkSection({ work }: { work: SuperviseeWork }) {
  const t = useT();
  const locale = useLocale();
  const written = work.participants.filter(
    (p) => p.reflections.length > 0 || p.marks.length > 0 || p.requests.length > 0,
  );
  const group = work.participants.length > 1;
  return (
    <section aria-labelledby="supervisee-work" className="mt-8 flex max-w-3xl flex-col gap-3">
      <h2 id="supervisee-work" className="text-lg font-semibold">
        {t('between.staff.heading')}
      </h2>
      <p className="text-slate-700">{t('between.staff.lead')}</p>
      {written.length === 0 ? <p>{t('between.staff.empty')}</p> : null}
      {written.map((person) => {
        const markOf = new Map(person.marks.map((m) => [m.actionId, m]));
        return (
          <div
            key={person.clientId}
            className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
          >
            {group ? <h3 className="font-semibold">{person.name}</h3> : null}
            {person.reflections.map((r) => (
              <div key={r.moment}>
                <p className="font-medium">{t(`between.staff.reflection.${r.moment}`)}</p>
                <p className="whitespace-pre-line break-words">{r.text}</p>
              </div>
            ))}
            {person.marks.length > 0 ? (
              <div>
                <p className="font-medium">{t('between.staff.actions')}</p>
                <ul className="list-disc pl-5">
                  {work.actions.map((action) => {
                    const mark = markOf.get(action.id);
                    return (
                      <li key={action.id} className="break-words">
                        {action.text}:{' '}
                        {t(
                          mark
                            ? `between.actions.state.${mark.state}`
                            : 'between.actions.state.none',
                        )}
                        {mark?.comment ? ` – ${mark.comment}` : null}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ) : null}
            {person.requests.length > 0 ? (
              <div>
                <p className="font-medium">{t('between.staff.requests')}</p>
                <ul className="flex flex-col gap-2">
                  {person.requests.map((r) => (
                    <li key={r.createdAt.toISOString()}>
                      <p className="text-sm text-slate-700">
                        {t('between.staff.requestAt', {
                          kind: t(`between.request.kind.${r.kind}`),
                          at: formatDateTime(r.createdAt, locale),
                        })}
                      </p>
                      <p className="whitespace-pre-line break-words">{r.message}</p>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
