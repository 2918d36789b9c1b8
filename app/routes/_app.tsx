import type { LoaderFunctionArgs } from '@remix-run/node';
import { Outlet, useLoaderData } from '@remix-run/react';

import { requirePracticeRole } from '~/auth/guards.server';
import { AppShell } from '~/ui/app-shell';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  return {
    practiceName: actor.practiceName,
    role: actor.role,
    userName: actor.auth.user.name,
    devMail: context.config.devMailPage,
  };
}

export default function AppLayout() {
  const data = useLoaderData<typeof loader>();
  return (
    <AppShell
      practiceName={data.practiceName}
      userName={data.userName}
      isOwner={data.role === 'owner'}
      devMail={data.devMail}
    >
      <Outlet />
    </AppShell>
  );
}
