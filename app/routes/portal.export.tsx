import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import type { MessageKey } from '~/i18n';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { requireSupervisee } from '~/portal/guards.server';
import { PageHeader } from '~/ui/app-shell';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'portalExport.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  return {
    practiceName: actor.practiceName,
    otherPractices: new Set(actor.practices.map((p) => p.practiceId)).size > 1,
  };
}

const included: MessageKey[] = [
  'portalExport.includes.profile',
  'portalExport.includes.contracts',
  'portalExport.includes.sessions',
  'portalExport.includes.summaries',
  'portalExport.includes.actions',
  'portalExport.includes.reflections',
  'portalExport.includes.messages',
  'portalExport.includes.evaluations',
  'portalExport.includes.exercises',
  'portalExport.includes.feedback',
];

const downloads = [
  {
    id: 'export-html',
    href: '/portal/export.html',
    label: 'portalExport.downloadHtml',
    hint: 'portalExport.downloadHtmlHint',
  },
  {
    id: 'export-json',
    href: '/portal/export.json',
    label: 'portalExport.downloadJson',
    hint: 'portalExport.downloadJsonHint',
  },
] as const;

/** What the supervisee's export holds and what it never does, with the two downloads. */
export default function PortalExport() {
  const t = useT();
  const { practiceName, otherPractices } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={t('portalExport.title')}
        lead={t('portalExport.lead', { practice: practiceName })}
      />
      <div className="flex max-w-3xl flex-col gap-6">
        <section aria-labelledby="export-includes">
          <h2 id="export-includes" className="mb-2 text-lg font-semibold">
            {t('portalExport.includesHeading')}
          </h2>
          <ul className="list-disc pl-5">
            {included.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="export-excludes">
          <h2 id="export-excludes" className="mb-2 text-lg font-semibold">
            {t('portalExport.excludesHeading')}
          </h2>
          <p>{t('portalExport.excludes')}</p>
          {otherPractices ? (
            <p className="mt-2">{t('portalExport.otherPractices', { practice: practiceName })}</p>
          ) : null}
        </section>
        <section
          aria-labelledby="export-download"
          className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5"
        >
          <h2 id="export-download" className="mb-3 text-lg font-semibold">
            {t('portalExport.downloadHeading')}
          </h2>
          <ul className="flex flex-col gap-4">
            {downloads.map(({ id, href, label, hint }) => (
              <li key={href} className="flex flex-col gap-1">
                {/* A resource route: a plain link that downloads, not client-side navigation. */}
                <a href={href} download aria-describedby={`${id}-hint`} className="font-medium">
                  {t(label)}
                </a>
                <span id={`${id}-hint`} className="text-sm text-slate-700">
                  {t(hint)}
                </span>
              </li>
            ))}
          </ul>
          <p className="mt-4 text-sm text-slate-700">{t('portalExport.keepSafe')}</p>
        </section>
      </div>
    </>
  );
}
