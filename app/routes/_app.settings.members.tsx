import type { MetaFunction } from '@remix-run/node';
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { emailField } from '~/auth/schemas';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { formFailure, parseForm } from '~/forms/parse';
import { badRequest, refused } from '~/forms/respond.server';
import { formatDate } from '~/i18n/format';
import { resolveLocale } from '~/i18n/locale.server';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import {
  inviteMember,
  listOpenInvitations,
  revokeInvitation,
} from '~/practices/invitations.server';
import { listMembers } from '~/practices/memberships.server';
import { PageHeader } from '~/ui/app-shell';
import { Field, FormErrors, Notice, SubmitButton } from '~/ui/form';
import { ScrollBox } from '~/ui/scroll-box';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'members.title');

const inviteSchema = z.object({ email: emailField });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const ctx = domainContext(context);
  const [members, invitations] = await Promise.all([
    listMembers(ctx, actor),
    listOpenInvitations(ctx, actor),
  ]);
  return { members, invitations };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const ctx = domainContext(context);
  const form = await request.formData();
  if (form.get('intent') === 'revoke') {
    const invitationId = form.get('invitationId');
    if (typeof invitationId !== 'string' || !z.uuid().safeParse(invitationId).success) {
      throw new Response(null, { status: 400 });
    }
    try {
      await revokeInvitation(ctx, actor, invitationId);
    } catch (error) {
      throwAsResponse(error);
    }
    return { invited: null, revoked: true, failure: undefined };
  }
  const parsed = parseForm(inviteSchema, form);
  if (!parsed.ok) {
    return badRequest({
      invited: null,
      revoked: false,
      failure: formFailure(parsed.values, parsed.fieldErrors),
    });
  }
  try {
    await inviteMember(ctx, actor, {
      email: parsed.data.email,
      role: 'supervisor',
      locale: resolveLocale(request, context),
      mail: { appOrigin: context.config.appOrigin, keyring: context.keyring },
    });
    return { invited: parsed.data.email, revoked: false, failure: undefined };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return refused(error, {
      invited: null,
      revoked: false,
      failure: formFailure(form, { email: [error.messageKey] }),
    });
  }
}

export default function Members() {
  const t = useT();
  const locale = useLocale();
  const { members, invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t('members.title')} lead={t('members.lead')} />
      <ScrollBox label={t('members.title')}>
        <table className="w-full text-left">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t('members.name')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('members.email')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('members.role')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('members.since')}
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.userId} className="border-t border-slate-200">
                <td className="px-3 py-2">{member.name}</td>
                <td className="px-3 py-2">{member.email}</td>
                <td className="px-3 py-2">{t(`role.${member.role}`)}</td>
                <td className="px-3 py-2">{formatDate(new Date(member.since), locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>

      <div className="mt-8 grid gap-8 md:grid-cols-2">
        <section
          aria-labelledby="invite-heading"
          className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5"
        >
          <h2 id="invite-heading" className="text-lg font-semibold">
            {t('members.invite')}
          </h2>
          {result?.invited ? (
            <Notice>{t('members.invited', { email: result.invited })}</Notice>
          ) : null}
          <Form
            key={result?.invited ?? 'invite'}
            method="post"
            className="flex flex-col gap-4"
            noValidate
          >
            <FormErrors failure={result?.failure} labels={{ email: t('auth.email') }} />
            <Field
              name="email"
              type="email"
              label={t('auth.email')}
              autoComplete="off"
              failure={result?.failure}
            />
            <SubmitButton>{t('members.inviteSubmit')}</SubmitButton>
          </Form>
        </section>
        <section aria-labelledby="pending-heading" className="flex flex-col gap-3">
          <h2 id="pending-heading" className="text-lg font-semibold">
            {t('members.pending')}
          </h2>
          {result?.revoked ? <Notice>{t('members.revoked')}</Notice> : null}
          {invitations.length === 0 ? (
            <p>{t('members.noPending')}</p>
          ) : (
            <ul aria-labelledby="pending-heading" className="flex flex-col gap-2">
              {invitations.map((invitation) => (
                <li
                  key={invitation.id}
                  className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 bg-white p-3"
                >
                  <span>
                    {invitation.email} · {t(`role.${invitation.role}`)} · {t('members.expires')}{' '}
                    {formatDate(new Date(invitation.expiresAt), locale)}
                  </span>
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="invitationId" value={invitation.id} />
                    <button
                      type="submit"
                      aria-label={t('members.revokeFor', { email: invitation.email })}
                      className="rounded border border-red-800 px-2 py-1 text-sm text-red-800 hover:bg-red-50"
                    >
                      {t('members.revoke')}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
