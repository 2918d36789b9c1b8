import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
  type SerializeFrom,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { getClientPage } from '~/clients/client-page.server';
import { setClientArchived } from '~/clients/clients.server';
import { ContractTable } from '~/contracts/contract-table';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { SharedFeedbackRounds } from '~/feedback/shared-rounds-section';
import { refused } from '~/forms/respond.server';
import { idParam } from '~/http/params.server';
import { formatDate, formatTime } from '~/i18n/format';
import { resolveLocale } from '~/i18n/locale.server';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { inviteToPortal, revokePortalAccess } from '~/portal/portal-access.server';
import { statusLabel } from '~/sessions/labels';
import { PageHeader } from '~/ui/app-shell';
import { ClientsTabs } from '~/ui/clients-tabs';
import { DetailList } from '~/ui/detail-list';
import { RecordActions } from '~/ui/record-actions';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'clients.title', data?.client.name);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const ctx = domainContext(context);
  const id = idParam(params.clientId);
  return getClientPage(ctx, actor, id).catch(throwAsResponse);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const id = idParam(params.clientId);
  const ctx = domainContext(context);
  const intent = (await request.formData()).get('intent');
  if (intent === 'portal-invite' || intent === 'portal-revoke') {
    try {
      if (intent === 'portal-invite') {
        await inviteToPortal(ctx, actor, {
          clientId: id,
          locale: resolveLocale(request, context),
          mail: { appOrigin: context.config.appOrigin, keyring: context.keyring },
        });
      } else {
        await revokePortalAccess(ctx, actor, id);
      }
      return { portalDone: intent, portalError: null };
    } catch (error) {
      if (!isAppError(error) || !error.messageKey) return throwAsResponse(error);
      return refused(error, { portalDone: null, portalError: error.messageKey });
    }
  }
  await setClientArchived(ctx, actor, id, intent === 'archive').catch(throwAsResponse);
  return redirect(`/clients/${id}`);
}

export default function ClientDetail() {
  const t = useT();
  const locale = useLocale();
  const { client, contracts, sessions, portal, sharedFeedback } = useLoaderData<typeof loader>();
  const billingAddress = [
    client.streetAddress,
    [client.postalCode, client.city].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <ClientsTabs />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader
          title={client.name}
          lead={client.archivedAt ? t('list.archivedNotice') : undefined}
        />
        <RecordActions archived={Boolean(client.archivedAt)} />
      </div>
      <DetailList
        items={[
          [t('clients.email'), client.email],
          [t('clients.phone'), client.phone],
          [t('clients.titleColumn'), client.title],
          [t('clients.organisation'), client.organisation],
          [t('clients.billingAddress'), billingAddress || null],
          [
            t('clients.background'),
            client.backgroundAccess ? (
              client.background ? (
                <p className="whitespace-pre-line">{client.background}</p>
              ) : null
            ) : (
              <p className="text-sm text-slate-600">{t('clients.backgroundWithheld')}</p>
            ),
          ],
        ]}
      />
      <PortalAccessPanel portal={portal} hasEmail={Boolean(client.email)} />
      <SharedFeedbackRounds rounds={sharedFeedback} />
      <section aria-labelledby="contracts-heading" className="mt-8">
        <h2 id="contracts-heading" className="mb-3 text-lg font-semibold">
          {t('contracts.title')}
        </h2>
        {contracts.length === 0 ? (
          <p>{t('clients.noContracts')}</p>
        ) : (
          <ContractTable contracts={contracts} />
        )}
      </section>
      <section aria-labelledby="sessions-heading" className="mt-8">
        <h2 id="sessions-heading" className="mb-3 text-lg font-semibold">
          {t('clients.sessions')}
        </h2>
        {sessions.length === 0 ? (
          <p>{t('clients.noSessions')}</p>
        ) : (
          <ul className="flex max-w-3xl flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {sessions.map((session) => {
              const when = `${formatDate(new Date(session.startsAt), locale)} ${formatTime(new Date(session.startsAt), locale)}`;
              return (
                <li key={session.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
                  <span>
                    {session.ownSession ? <Link to={`/sessions/${session.id}`}>{when}</Link> : when}{' '}
                    · {session.contractCode}
                  </span>
                  <span
                    className={session.status === 'cancelled' ? 'text-slate-600 line-through' : ''}
                  >
                    {t(statusLabel[session.status])}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}

/** Whether the client can use the supervisee pages, and the invite / revoke buttons. */
function PortalAccessPanel({
  portal,
  hasEmail,
}: {
  portal: SerializeFrom<typeof loader>['portal'];
  hasEmail: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const result = useActionData<typeof action>();
  const { access } = portal;
  const state =
    access.state === 'active'
      ? t('portal.access.active', {
          date: formatDate(new Date(access.since), locale),
          email: access.email,
        })
      : access.state === 'invited'
        ? t('portal.access.invited', {
            date: formatDate(new Date(access.expiresAt), locale),
            email: access.email,
          })
        : access.state === 'revoked'
          ? t('portal.access.revoked', { date: formatDate(new Date(access.revokedAt), locale) })
          : t('portal.access.none');
  const button =
    'rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-800';
  return (
    <section aria-labelledby="portal-heading" className="mt-8 max-w-3xl">
      <h2 id="portal-heading" className="mb-3 text-lg font-semibold">
        {t('portal.access.heading')}
      </h2>
      <p>{state}</p>
      {result?.portalDone ? (
        <p role="status" className="mt-2 text-teal-900">
          {t(
            result.portalDone === 'portal-invite'
              ? 'portal.access.sent'
              : 'portal.access.revokedNow',
          )}
        </p>
      ) : null}
      {result?.portalError ? (
        <p role="alert" className="mt-2 text-red-800">
          {t(result.portalError)}
        </p>
      ) : null}
      {!portal.mayManage ? (
        <p className="mt-2 text-sm text-slate-600">{t('portal.access.notYours')}</p>
      ) : !hasEmail && access.state !== 'active' ? (
        <p className="mt-2 text-sm text-slate-600">{t('portal.access.needsEmail')}</p>
      ) : (
        <div className="mt-3 flex flex-wrap gap-2">
          {access.state !== 'active' ? (
            <Form method="post">
              <button type="submit" name="intent" value="portal-invite" className={button}>
                {t(access.state === 'none' ? 'portal.access.invite' : 'portal.access.reinvite')}
              </button>
            </Form>
          ) : null}
          {access.state === 'active' || access.state === 'invited' ? (
            <Form method="post">
              <button type="submit" name="intent" value="portal-revoke" className={button}>
                {t(
                  access.state === 'active' ? 'portal.access.revoke' : 'portal.access.cancelInvite',
                )}
              </button>
            </Form>
          ) : null}
        </div>
      )}
    </section>
  );
}
