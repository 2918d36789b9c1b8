import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';

import type { ReflectionMoment } from '#db/schema/values';
import { throwAsResponse } from '~/auth/guards.server';
import { loadParticipatedSession } from '~/between-sessions/access.server';
import { CancelSection } from '~/between-sessions/cancel-section';
import { getPortalSession } from '~/between-sessions/portal-session.server';
import { saveReflection } from '~/between-sessions/reflections.server';
import { askSupervisor } from '~/between-sessions/requests.server';
import { cancelSchema, reflectionSchema, requestSchema } from '~/between-sessions/schemas';
import { ReflectionForms, RequestForm } from '~/between-sessions/session-forms';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { type FormFailure, formFailure, parseForm } from '~/forms/parse';
import { type BadRequest, badRequest, refused } from '~/forms/respond.server';
import { idParam } from '~/http/params.server';
import { formatDate, formatTime } from '~/i18n/format';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { requireSupervisee } from '~/portal/guards.server';
import { statusLabel } from '~/sessions/labels';
import { cancelSessionAsSupervisee, LateCancellationUnconfirmed } from '~/sessions/outcomes.server';
import { PageHeader } from '~/ui/app-shell';
import { DetailList } from '~/ui/detail-list';
import { Notice } from '~/ui/form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'portal.title');

const intents = ['reflection', 'cancel', 'request'] as const;

const notices = { cancelled: 'between.cancel.done', sent: 'between.request.sent' } as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  const id = idParam(params.sessionId);
  const view = await getPortalSession(domainContext(context), actor, id).catch(throwAsResponse);
  const done = new URL(request.url).searchParams.get('done');
  return { view, notice: done === 'cancelled' || done === 'sent' ? notices[done] : null };
}

type SessionActionResult =
  | { intent: 'reflection'; moment: ReflectionMoment; saved?: true; failure?: FormFailure }
  | { intent: 'cancel'; confirmLate?: true; failure?: FormFailure }
  | { intent: 'request'; failure?: FormFailure };

export async function action({
  request,
  params,
  context,
}: ActionFunctionArgs): Promise<SessionActionResult | BadRequest<SessionActionResult> | Response> {
  const actor = await requireSupervisee(request, context);
  const id = idParam(params.sessionId);
  const ctx = domainContext(context);
  // Whoever may not see the session learns nothing more, whatever they sent.
  await loadParticipatedSession(ctx.db, actor, id).catch(throwAsResponse);
  const form = await request.formData();
  const intent = intents.find((candidate) => candidate === form.get('intent'));
  if (!intent) throw new Response(null, { status: 400 });
  const appOrigin = context.config.appOrigin;
  const moment: ReflectionMoment = form.get('moment') === 'after' ? 'after' : 'before';
  const failed = (failure: FormFailure): SessionActionResult =>
    intent === 'reflection' ? { intent, moment, failure } : { intent, failure };
  try {
    if (intent === 'reflection') {
      const parsed = parseForm(reflectionSchema, form);
      if (!parsed.ok) {
        return badRequest(failed(formFailure(form, parsed.fieldErrors)));
      }
      await saveReflection(ctx, actor, id, parsed.data);
      return { intent, moment, saved: true };
    }
    if (intent === 'cancel') {
      const { acknowledgeLate } = cancelSchema.parse({
        acknowledgeLate: form.get('acknowledgeLate') ?? undefined,
      });
      await cancelSessionAsSupervisee(ctx, actor, id, { acknowledgeLate, appOrigin });
      return redirect(`/portal/sessions/${id}?done=cancelled`);
    }
    {
      const parsed = parseForm(requestSchema, form);
      if (!parsed.ok) return badRequest(failed(formFailure(form, parsed.fieldErrors)));
      await askSupervisor(ctx, actor, id, { ...parsed.data, appOrigin });
      return redirect(`/portal/sessions/${id}?done=sent`);
    }
  } catch (error) {
    if (error instanceof LateCancellationUnconfirmed) {
      return refused(error, { intent: 'cancel', confirmLate: true });
    }
    if (!isAppError(error)) throw error;
    return refused(error, failed(formFailure(form, {}, error.messageKey)));
  }
}

export default function PortalSession() {
  const t = useT();
  const locale = useLocale();
  const { view, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { session } = view;
  const date = formatDate(session.startsAt, locale);
  const items: [string, ReactNode][] = [
    [
      t('between.session.time'),
      t('between.session.timeValue', {
        date,
        start: formatTime(session.startsAt, locale),
        end: formatTime(session.endsAt, locale),
      }),
    ],
    [
      t('between.session.place'),
      view.place ?? (view.remoteLink ? null : t('between.session.noPlace')),
    ],
  ];
  if (view.remoteLink) {
    items.push([
      t('between.session.remote'),
      <a key="remote" href={view.remoteLink} rel="noopener noreferrer">
        {view.remoteLink}
      </a>,
    ]);
  }
  items.push([t('between.session.status'), t(statusLabel[session.status])]);
  const reflectionResult = result?.intent === 'reflection' ? result : undefined;
  const cancelResult = result?.intent === 'cancel' ? result : undefined;
  const requestResult = result?.intent === 'request' ? result : undefined;
  return (
    <>
      <PageHeader title={t('between.session.title', { date })} />
      <div className="flex flex-col gap-8">
        {notice ? <Notice>{t(notice)}</Notice> : null}
        <DetailList items={items} />
        {session.status === 'cancelled' &&
        session.cancelledBy === 'supervisee' &&
        session.chargeable ? (
          <p>{t('between.session.cancelledLateCharged')}</p>
        ) : null}
        {view.hasSummary ? (
          <p>
            <Link to={`/portal/summaries/${session.id}`}>{t('between.session.summaryLink')}</Link>
          </p>
        ) : null}
        <ReflectionForms view={view} result={reflectionResult} />
        <CancelSection
          view={view}
          confirming={Boolean(cancelResult?.confirmLate)}
          error={cancelResult?.failure?.formError ? t(cancelResult.failure.formError) : undefined}
        />
        <RequestForm view={view} failure={requestResult?.failure} />
      </div>
    </>
  );
}
