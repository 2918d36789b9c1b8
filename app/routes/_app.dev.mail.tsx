import type { MetaFunction } from '@remix-run/node';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { requirePracticeRole } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import { listOutboxForPractice } from '~/email/outbox.server';
import { formatDateTime } from '~/i18n/format';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { PageHeader } from '~/ui/app-shell';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'devMail.title');

/** Development only: lets the owner read mail that stays in the outbox without SMTP_URL. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!context.config.devMailPage) throw new Response(null, { status: 404 });
  const actor = await requirePracticeRole(request, context, 'owner');
  return { messages: await listOutboxForPractice(domainContext(context), actor) };
}

export default function DevMail() {
  const t = useT();
  const locale = useLocale();
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t('devMail.title')} lead={t('devMail.lead')} />
      {messages.length === 0 ? <p>{t('devMail.empty')}</p> : null}
      <ol className="flex flex-col gap-4">
        {messages.map((message) => (
          <li key={message.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <article aria-label={message.subject}>
              <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 text-sm">
                <dt className="font-medium">{t('devMail.to')}</dt>
                <dd>{message.toAddress}</dd>
                <dt className="font-medium">{t('devMail.subject')}</dt>
                <dd>{message.subject}</dd>
                <dt className="font-medium">{t('devMail.status')}</dt>
                <dd>{t(`devMail.status.${message.status}`)}</dd>
                <dt className="font-medium">{t('devMail.created')}</dt>
                <dd>{formatDateTime(new Date(message.createdAt), locale)}</dd>
              </dl>
              {message.textBody ? (
                <pre className="mt-3 whitespace-pre-wrap break-words rounded bg-slate-100 p-3 text-sm">
                  {message.textBody}
                </pre>
              ) : null}
              {message.calendarBody ? (
                <details className="mt-3 text-sm">
                  <summary>
                    {t('devMail.calendar', { method: message.calendarMethod ?? '' })}
                  </summary>
                  <pre className="mt-2 whitespace-pre-wrap break-words rounded bg-slate-100 p-3">
                    {message.calendarBody}
                  </pre>
                </details>
              ) : null}
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}
