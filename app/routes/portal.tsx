import type { LoaderFunctionArgs, SerializeFrom } from '@remix-run/node';
import { Outlet, useLoaderData, useRouteError, useRouteLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';

import { requireSupervisee } from '~/portal/guards.server';
import { portalMenu, portalNav } from '~/portal/navigation';
import { AppShell } from '~/ui/app-shell';
import { ErrorMessage, errorPageMeta } from '~/ui/error-page';

/** A page that failed inside the frame is titled by its error. */
export const meta = errorPageMeta;

/** The supervisee portal's frame: outside the staff layout, with its own navigation. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  return {
    practiceName: actor.practiceName,
    userName: actor.auth.user.name,
    otherPractices: actor.practices
      .filter((p) => p.practiceId !== actor.practiceId)
      .map((p) => ({ id: p.practiceId, name: p.practiceName })),
  };
}

function Shell({ data, children }: { data: SerializeFrom<typeof loader>; children: ReactNode }) {
  return (
    <AppShell
      practiceName={data.practiceName}
      userName={data.userName}
      otherPractices={data.otherPractices}
      nav={portalNav}
      navLabel="portal.nav"
      menu={portalMenu}
      switchAction="/portal/practice"
      searchAction={null}
    >
      {children}
    </AppShell>
  );
}

export default function PortalLayout() {
  return (
    <Shell data={useLoaderData<typeof loader>()}>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>('routes/portal');
  if (!data) {
    return (
      <main id="main" className="mx-auto max-w-xl px-4 py-16">
        <ErrorMessage error={error} />
      </main>
    );
  }
  return (
    <Shell data={data}>
      <ErrorMessage error={error} />
    </Shell>
  );
}
