import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';

import { requireUser } from '~/auth/guards.server';
import { homePath } from '~/auth/sign-in-flow.server';
import { confirmTotpEnrolment } from '~/auth/two-factor/confirm-enrolment.server';
import { regenerateRecoveryCodes } from '~/auth/two-factor/regenerate-recovery-codes.server';
import { removeTwoFactor } from '~/auth/two-factor/remove-two-factor.server';
import {
  confirmEnrolmentSchema,
  regenerateRecoveryCodesSchema,
  removeTwoFactorSchema,
} from '~/auth/two-factor/schemas';
import { startTotpEnrolment } from '~/auth/two-factor/start-enrolment.server';
import { twoFactorStatus } from '~/auth/two-factor/two-factor-status.server';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { type FormFailure, formFailure, parseForm } from '~/forms/parse';
import { type BadRequest, badRequest, refused } from '~/forms/respond.server';
import { formatDate } from '~/i18n/format';
import { resolveLocale } from '~/i18n/locale.server';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { Field, FormErrors, Notice, SubmitButton } from '~/ui/form';
import { PublicLayout } from '~/ui/public-layout';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'twoFactor.title');

// Reachable by a session that must set up two-factor sign-in first: this page is where it does.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireUser(request, context, { duringTwoFactorSetup: true });
  return {
    status: await twoFactorStatus(domainContext(context), auth.user),
    email: auth.user.email,
    home: await homePath(context.db, auth.user.id),
  };
}

const intents = ['start', 'confirm', 'regenerate', 'remove'] as const;
type Intent = (typeof intents)[number];

interface Result {
  intent: Intent | null;
  /** Shown once, right after they were made; never stored in plain text. */
  recoveryCodes?: string[];
  removed?: boolean;
  failure?: FormFailure;
}

function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && (intents as readonly string[]).includes(value);
}

export async function action({
  request,
  context,
}: ActionFunctionArgs): Promise<Result | BadRequest<Result>> {
  const auth = requireUser(request, context, { duringTwoFactorSetup: true });
  const ctx = domainContext(context);
  const userId = auth.user.id;
  const locale = resolveLocale(request, context);
  const form = await request.formData();
  const intent = form.get('intent');
  if (!isIntent(intent)) {
    return badRequest<Result>({ intent: null, failure: formFailure(form, {}, 'error.invalid') });
  }
  try {
    if (intent === 'start') {
      await startTotpEnrolment(ctx, userId);
      return { intent };
    }
    if (intent === 'confirm') {
      const parsed = parseForm(confirmEnrolmentSchema, form);
      if (!parsed.ok) return badRequest<Result>({ intent, failure: parsed });
      const { recoveryCodes } = await confirmTotpEnrolment(ctx, userId, {
        code: parsed.data.code,
        locale,
      });
      return { intent, recoveryCodes };
    }
    if (intent === 'regenerate') {
      const parsed = parseForm(regenerateRecoveryCodesSchema, form);
      if (!parsed.ok) return badRequest<Result>({ intent, failure: parsed });
      const { recoveryCodes } = await regenerateRecoveryCodes(ctx, userId, {
        ...parsed.data,
        locale,
      });
      return { intent, recoveryCodes };
    }
    const parsed = parseForm(removeTwoFactorSchema, form);
    if (!parsed.ok) return badRequest<Result>({ intent, failure: parsed });
    await removeTwoFactor(ctx, userId, {
      password: parsed.data.removalPassword,
      code: parsed.data.removalCode,
      locale,
    });
    return { intent, removed: true };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return refused<Result>(error, { intent, failure: formFailure(form, {}, error.messageKey) });
  }
}

export default function TwoFactorPage() {
  const t = useT();
  const locale = useLocale();
  const { status, email, home } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failureOf = (intent: Intent) => (result?.intent === intent ? result.failure : undefined);
  const mustSetUp = status.required && status.state !== 'on';
  return (
    <PublicLayout wide>
      <h1 className="text-2xl font-semibold">{t('twoFactor.title')}</h1>
      {mustSetUp ? <Notice>{t('twoFactor.requiredNotice')}</Notice> : null}
      {result?.removed ? <Notice>{t('twoFactor.removed')}</Notice> : null}
      {result?.intent === null ? <FormErrors failure={result.failure} /> : null}
      <p className="text-slate-700">{t('twoFactor.lead')}</p>

      {result?.recoveryCodes ? <RecoveryCodes codes={result.recoveryCodes} /> : null}

      {status.state === 'off' ? (
        <Form method="post" className="flex flex-col gap-4">
          <FormErrors failure={failureOf('start')} />
          <input type="hidden" name="intent" value="start" />
          <SubmitButton>{t('twoFactor.start')}</SubmitButton>
        </Form>
      ) : null}

      {status.state === 'pending' ? (
        <section aria-labelledby="enrol-heading" className="flex flex-col gap-4">
          <h2 id="enrol-heading" className="text-lg font-semibold">
            {t('twoFactor.enrolHeading')}
          </h2>
          <ol className="flex list-decimal flex-col gap-4 pl-5">
            <li>{t('twoFactor.stepApp')}</li>
            <li className="flex flex-col gap-3">
              <span>{t('twoFactor.stepScan')}</span>
              <svg
                role="img"
                aria-label={t('twoFactor.qrLabel')}
                viewBox={`0 0 ${status.qr.size} ${status.qr.size}`}
                className="h-56 w-56 max-w-full border border-slate-200"
                shapeRendering="crispEdges"
              >
                <rect width={status.qr.size} height={status.qr.size} fill="#fff" />
                <path d={status.qr.path} fill="#000" />
              </svg>
              <span>{t('twoFactor.stepKey')}</span>
              <code className="text-lg font-semibold tracking-wide break-all">{status.secret}</code>
              <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 text-sm text-slate-700">
                <dt>{t('twoFactor.issuer')}</dt>
                <dd>Ohjaamo</dd>
                <dt>{t('twoFactor.account')}</dt>
                <dd className="break-all">{email}</dd>
                <dt>{t('twoFactor.keyType')}</dt>
                <dd>{t('twoFactor.keyTypeTime')}</dd>
              </dl>
            </li>
            <li>
              <Form method="post" className="flex flex-col gap-4" noValidate>
                <FormErrors
                  failure={failureOf('confirm')}
                  labels={{ code: t('twoFactor.appCode') }}
                />
                <input type="hidden" name="intent" value="confirm" />
                <Field
                  name="code"
                  label={t('twoFactor.appCode')}
                  hint={t('twoFactor.confirmHint')}
                  autoComplete="one-time-code"
                  failure={failureOf('confirm')}
                />
                <SubmitButton>{t('twoFactor.confirm')}</SubmitButton>
              </Form>
            </li>
          </ol>
          <Form method="post">
            <input type="hidden" name="intent" value="start" />
            <button type="submit" className="underline">
              {t('twoFactor.newSecret')}
            </button>
          </Form>
        </section>
      ) : null}

      {status.state === 'on' ? (
        <>
          <p>
            {t('twoFactor.onSince', { date: formatDate(new Date(status.enabledAt), locale) })}{' '}
            {t('twoFactor.codesLeft', { count: status.recoveryCodesLeft })}
          </p>
          <section
            aria-labelledby="regenerate-heading"
            className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5"
          >
            <h2 id="regenerate-heading" className="text-lg font-semibold">
              {t('twoFactor.regenerateHeading')}
            </h2>
            <p className="text-slate-700">{t('twoFactor.regenerateLead')}</p>
            <Form method="post" className="flex flex-col gap-4" noValidate>
              <FormErrors
                failure={failureOf('regenerate')}
                labels={{ code: t('twoFactor.appCode'), password: t('auth.password') }}
              />
              <input type="hidden" name="intent" value="regenerate" />
              <Field
                name="code"
                label={t('twoFactor.appCode')}
                autoComplete="one-time-code"
                required={false}
                failure={failureOf('regenerate')}
              />
              <Field
                name="password"
                type="password"
                label={t('twoFactor.orPassword')}
                autoComplete="current-password"
                required={false}
                failure={failureOf('regenerate')}
              />
              <SubmitButton>{t('twoFactor.regenerate')}</SubmitButton>
            </Form>
          </section>
          <section
            aria-labelledby="remove-heading"
            className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5"
          >
            <h2 id="remove-heading" className="text-lg font-semibold">
              {t('twoFactor.removeHeading')}
            </h2>
            <p className="text-slate-700">
              {status.required ? t('twoFactor.removeRequired') : t('twoFactor.removeLead')}
            </p>
            <Form method="post" className="flex flex-col gap-4" noValidate>
              <FormErrors
                failure={failureOf('remove')}
                labels={{
                  removalPassword: t('auth.password'),
                  removalCode: t('twoFactor.anyCode'),
                }}
              />
              <input type="hidden" name="intent" value="remove" />
              <Field
                name="removalPassword"
                type="password"
                label={t('auth.password')}
                autoComplete="current-password"
                failure={failureOf('remove')}
              />
              <Field
                name="removalCode"
                label={t('twoFactor.anyCode')}
                autoComplete="one-time-code"
                failure={failureOf('remove')}
              />
              <SubmitButton>{t('twoFactor.remove')}</SubmitButton>
            </Form>
          </section>
        </>
      ) : null}

      <div className="flex flex-wrap items-center gap-4">
        {mustSetUp ? null : <Link to={home}>{t('twoFactor.backHome')}</Link>}
        <Form method="post" action="/logout">
          <button type="submit" className="underline">
            {t('nav.logout')}
          </button>
        </Form>
      </div>
    </PublicLayout>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useT();
  return (
    <section
      aria-labelledby="codes-heading"
      className="flex flex-col gap-3 rounded-lg border-2 border-amber-600 bg-amber-50 p-5"
    >
      <h2 id="codes-heading" className="text-lg font-semibold">
        {t('twoFactor.codesHeading')}
      </h2>
      <p role="status">{t('twoFactor.codesOnce')}</p>
      <ul className="grid grid-cols-1 gap-1 font-mono text-lg sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </section>
  );
}
