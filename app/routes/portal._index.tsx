import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { requireSupervisee } from '~/portal/guards.server';
import { PageHeader } from '~/ui/app-shell';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'portal.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  return { name: actor.auth.user.name };
}

export default function PortalHome() {
  const t = useT();
  const { name } = useLoaderData<typeof loader>();
  return <PageHeader title={t('portal.home.welcome', { name })} lead={t('portal.home.lead')} />;
}
