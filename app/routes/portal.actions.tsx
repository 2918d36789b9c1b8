import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';

import { ActionMarkForm } from '~/between-sessions/action-mark-form';
import { listOwnActions, markAgreedAction } from '~/between-sessions/action-marks.server';
import { markActionSchema } from '~/between-sessions/schemas';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { formFailure, parseForm } from '~/forms/parse';
import { badRequest, refused } from '~/forms/respond.server';
import { formatDate } from '~/i18n/format';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { requireSupervisee } from '~/portal/guards.server';
import { PageHeader } from '~/ui/app-shell';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'between.actions.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  return { sessions: await listOwnActions(domainContext(context), actor) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  const form = await request.formData();
  const actionId = String(form.get('actionId') ?? '');
  const parsed = parseForm(markActionSchema, form);
  if (!parsed.ok) {
    return badRequest({ actionId, failure: formFailure(form, parsed.fieldErrors) });
  }
  try {
    await markAgreedAction(domainContext(context), actor, parsed.data);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return refused(error, { actionId, failure: formFailure(form, {}, error.messageKey) });
  }
  return { actionId, saved: true as const };
}

export default function PortalActions() {
  const t = useT();
  const locale = useLocale();
  const { sessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t('between.actions.title')} lead={t('between.actions.lead')} />
      {sessions.length === 0 ? (
        <p>{t('between.actions.empty')}</p>
      ) : (
        <div className="flex flex-col gap-8">
          {sessions.map((session) => (
            <section key={session.sessionId} aria-labelledby={`session-${session.sessionId}`}>
              <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                <h2 id={`session-${session.sessionId}`} className="text-lg font-semibold">
                  {t('between.actions.sessionHeading', {
                    date: formatDate(session.startsAt, locale),
                  })}
                </h2>
                <Link to={`/portal/sessions/${session.sessionId}`}>
                  {t('between.actions.openSession')}
                </Link>
              </div>
              <ul className="flex flex-col gap-4">
                {session.actions.map((item) => (
                  <ActionMarkForm
                    key={item.id}
                    action={item}
                    failure={
                      result?.actionId === item.id && 'failure' in result
                        ? result.failure
                        : undefined
                    }
                    saved={result?.actionId === item.id && 'saved' in result}
                  />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
