import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';

import { throwAsResponse } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { formatClosingDay } from '~/feedback/format';
import { inviteRespondents } from '~/feedback/invite-respondents.server';
import { roundResults } from '~/feedback/results.server';
import { ResultsView } from '~/feedback/results-view';
import {
  closeRound,
  createSharedLink,
  findOwnRound,
  getOwnRound,
  setSharedWithSupervisor,
} from '~/feedback/rounds.server';
import { parseAddresses } from '~/feedback/schemas';
import { type FormFailure, formFailure } from '~/forms/parse';
import { type BadRequest, badRequest, refused } from '~/forms/respond.server';
import { idParam } from '~/http/params.server';
import { resolveLocale } from '~/i18n/locale.server';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { requireSupervisee } from '~/portal/guards.server';
import { PageHeader } from '~/ui/app-shell';
import { Field, FormErrors, Notice, SubmitButton } from '~/ui/form';
import { Panel } from '~/ui/panel';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'feedback.title');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  const roundId = idParam(params.roundId);
  const ctx = domainContext(context);
  try {
    const round = await getOwnRound(ctx, actor, roundId, context.config.appOrigin);
    const results = await roundResults(ctx, { ...round, practiceId: actor.practiceId });
    return { round, results };
  } catch (error) {
    throwAsResponse(error);
  }
}

const intents = ['link', 'invite', 'close', 'share', 'unshare'] as const;
type Intent = (typeof intents)[number];

interface Answer {
  intent: Intent | null;
  done: boolean;
  sent?: number;
  /** Addresses that could not be read, named back to the supervisee (never stored). */
  invalid?: string[];
  failure?: FormFailure;
}

export async function action({
  request,
  params,
  context,
}: ActionFunctionArgs): Promise<Answer | BadRequest<Answer>> {
  const actor = await requireSupervisee(request, context);
  const roundId = idParam(params.roundId);
  const ctx = domainContext(context);
  // Someone else's round is not found, whatever the form says.
  await findOwnRound(ctx, actor, roundId).catch(throwAsResponse);
  const form = await request.formData();
  const intent = intents.find((i) => i === form.get('intent'));
  if (!intent)
    return badRequest({
      intent: null,
      done: false,
      failure: formFailure(form, {}, 'error.invalid'),
    });
  try {
    if (intent === 'invite') {
      const { valid, invalid } = parseAddresses(String(form.get('addresses') ?? ''));
      if (invalid.length || valid.length === 0) {
        const failure = formFailure(form, {
          addresses: [invalid.length ? 'form.invalidEmail' : 'feedback.round.inviteNone'],
        });
        return badRequest({ intent, done: false, failure, invalid });
      }
      const sent = await inviteRespondents(ctx, actor, {
        roundId,
        addresses: valid,
        locale: resolveLocale(request, context),
        mail: { appOrigin: context.config.appOrigin, keyring: context.keyring },
      });
      return { intent, done: true, sent };
    }
    if (intent === 'link') await createSharedLink(ctx, actor, roundId);
    else if (intent === 'close') await closeRound(ctx, actor, roundId);
    else await setSharedWithSupervisor(ctx, actor, roundId, intent === 'share');
    return { intent, done: true };
  } catch (error) {
    if (!isAppError(error) || error.code === 'not_found') throwAsResponse(error);
    return refused(error, {
      intent,
      done: false,
      failure: formFailure(form, {}, error.messageKey),
    });
  }
}

export default function FeedbackRound() {
  const t = useT();
  const locale = useLocale();
  const { round, results } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const failureOf = (intent: Intent) => (answer?.intent === intent ? answer.failure : undefined);
  const closingDay = formatClosingDay(round.closesOn, locale);
  return (
    <>
      <PageHeader
        title={round.title}
        lead={`${round.open ? t('feedback.status.open', { date: closingDay }) : t('feedback.status.closed')} · ${t('feedback.responses', { count: round.responseCount })}`}
      />
      <div className="flex max-w-3xl flex-col gap-6">
        <ResultsView results={results} />
        {round.open ? (
          <>
            <Panel id="link-heading" title={t('feedback.round.linkHeading')}>
              <p>{t('feedback.round.linkLead')}</p>
              <FormErrors failure={failureOf('link')} />
              {round.sharedLink ? (
                <div className="flex flex-col gap-1">
                  <label htmlFor="shared-link" className="font-medium">
                    {t('feedback.round.linkLabel')}
                  </label>
                  <input
                    id="shared-link"
                    readOnly
                    value={round.sharedLink}
                    className="w-full rounded-md border border-slate-400 bg-slate-50 px-3 py-2 font-mono text-sm"
                  />
                </div>
              ) : (
                <Form method="post">
                  <input type="hidden" name="intent" value="link" />
                  <SubmitButton>{t('feedback.round.linkCreate')}</SubmitButton>
                </Form>
              )}
            </Panel>
            <Panel id="invite-heading" title={t('feedback.round.inviteHeading')}>
              <p>{t('feedback.round.inviteLead')}</p>
              <p>
                {t('feedback.round.invited', {
                  sent: round.invitations.sent,
                  answered: round.invitations.answered,
                })}
              </p>
              {answer?.intent === 'invite' && answer.sent ? (
                <Notice>{t('feedback.round.invitesSent', { count: answer.sent })}</Notice>
              ) : null}
              <Form method="post" className="flex flex-col gap-4" noValidate>
                <input type="hidden" name="intent" value="invite" />
                <FormErrors
                  failure={failureOf('invite')}
                  labels={{ addresses: t('feedback.round.inviteAddresses') }}
                />
                {answer?.intent === 'invite' && answer.invalid?.length ? (
                  <p className="text-sm text-red-800">
                    {t('feedback.round.inviteInvalid', { addresses: answer.invalid.join(', ') })}
                  </p>
                ) : null}
                <Field
                  name="addresses"
                  rows={4}
                  label={t('feedback.round.inviteAddresses')}
                  failure={failureOf('invite')}
                />
                <SubmitButton>{t('feedback.round.inviteSubmit')}</SubmitButton>
              </Form>
            </Panel>
          </>
        ) : (
          <Notice>{t('feedback.round.closedNotice')}</Notice>
        )}
        <Panel id="share-heading" title={t('feedback.round.shareHeading')}>
          <p>{t('feedback.round.shareLead')}</p>
          {round.shared ? <Notice>{t('feedback.round.sharedNotice')}</Notice> : null}
          <Form method="post">
            <input type="hidden" name="intent" value={round.shared ? 'unshare' : 'share'} />
            <SubmitButton>
              {round.shared ? t('feedback.round.unshare') : t('feedback.round.share')}
            </SubmitButton>
          </Form>
        </Panel>
        {round.open ? (
          <Panel id="close-heading" title={t('feedback.round.closeHeading')}>
            <FormErrors failure={failureOf('close')} />
            <Form method="post">
              <input type="hidden" name="intent" value="close" />
              <SubmitButton>{t('feedback.round.close')}</SubmitButton>
            </Form>
          </Panel>
        ) : null}
      </div>
    </>
  );
}
