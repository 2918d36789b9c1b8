import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { translate } from '~/i18n';
import { metaLocale } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { PublicLayout } from '~/ui/public-layout';
import { indexableHandle } from '~/ui/robots';

/** The one page search engines may index, with a description for the result. */
export const handle = indexableHandle;

export const meta: MetaFunction = ({ matches }) => {
  const locale = metaLocale(matches);
  return [
    { title: translate(locale, 'landing.title') },
    { name: 'description', content: translate(locale, 'landing.description') },
  ];
};

export function loader({ context }: LoaderFunctionArgs) {
  return { signedIn: context.auth !== null };
}

export default function Landing() {
  const t = useT();
  const { signedIn } = useLoaderData<typeof loader>();
  const points = [
    'landing.point.themes',
    'landing.point.confidential',
    'landing.point.portal',
  ] as const;
  return (
    <PublicLayout wide>
      <h1 className="text-3xl font-semibold">{t('landing.title')}</h1>
      <p className="text-lg text-slate-700">{t('landing.lead')}</p>
      <ul className="flex list-disc flex-col gap-2 pl-5">
        {points.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        {signedIn ? (
          <Link
            to="/today"
            className="rounded-md bg-teal-800 px-4 py-2 font-medium text-white no-underline hover:bg-teal-900 hover:text-white"
          >
            {t('landing.openApp')}
          </Link>
        ) : (
          <>
            <Link
              to="/signup"
              className="rounded-md bg-teal-800 px-4 py-2 font-medium text-white no-underline hover:bg-teal-900 hover:text-white"
            >
              {t('landing.signup')}
            </Link>
            <Link
              to="/login"
              className="rounded-md border border-teal-800 px-4 py-2 font-medium no-underline hover:bg-teal-50"
            >
              {t('landing.login')}
            </Link>
          </>
        )}
      </div>
    </PublicLayout>
  );
}
