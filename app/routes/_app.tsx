import type { LoaderFunctionArgs, SerializeFrom } from '@remix-run/node';
import { Outlet, useLoaderData, useRouteError, useRouteLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';

import { requirePracticeRole } from '~/auth/guards.server';
import { VerificationBanner } from '~/auth/verification-banner';
import { AppShell } from '~/ui/app-shell';
import { ErrorMessage, errorPageMeta } from '~/ui/error-page';

/** A page that failed inside the frame is titled by its error. */
export const meta = errorPageMeta;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  return {
    practiceName: actor.practiceName,
    role: actor.role,
    userName: actor.auth.user.name,
    otherPractices: actor.memberships
      .filter((m) => m.practiceId !== actor.practiceId)
      .map((m) => ({ id: m.practiceId, name: m.practiceName })),
    devMail: context.config.devMailPage,
    emailVerified: actor.auth.user.emailVerifiedAt !== null,
  };
}

function Shell({ data, children }: { data: SerializeFrom<typeof loader>; children: ReactNode }) {
  return (
    <AppShell
      practiceName={data.practiceName}
      userName={data.userName}
      isOwner={data.role === 'owner'}
      devMail={data.devMail}
      otherPractices={data.otherPractices}
    >
      {data.emailVerified ? null : <VerificationBanner />}
      {children}
    </AppShell>
  );
}

export default function AppLayout() {
  return (
    <Shell data={useLoaderData<typeof loader>()}>
      <Outlet />
    </Shell>
  );
}

/** An error inside the app keeps the navigation around it, when the layout itself loaded. */
export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>('routes/_app');
  if (!data) {
    return (
      <main className="mx-auto max-w-xl px-4 py-16">
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
