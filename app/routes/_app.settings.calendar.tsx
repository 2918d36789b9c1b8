import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { createFeed, getFeedSettings, revokeFeed, setFeedShowNames } from '~/calendar/feeds.server';
import { feedIntent, feedNamesSchema } from '~/calendar/schemas';
import { domainContext } from '~/domain/context';
import { type FormFailure, parseForm } from '~/forms/parse';
import { type BadRequest, badRequest } from '~/forms/respond.server';
import { formatDate } from '~/i18n/format';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { PageHeader } from '~/ui/app-shell';
import { CopyButton } from '~/ui/copy-button';
import { CheckboxField, FormErrors, Notice, SubmitButton } from '~/ui/form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'feeds.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  return { feed: await getFeedSettings(domainContext(context), actor) };
}

type Result =
  | { intent: 'create'; feedUrl: string }
  | { intent: 'revoke' }
  | { intent: 'names'; failure?: FormFailure };

export async function action({
  request,
  context,
}: ActionFunctionArgs): Promise<Result | BadRequest<Result>> {
  const actor = await requirePracticeRole(request, context);
  const ctx = domainContext(context);
  const form = await request.formData();
  const intent = feedIntent.safeParse(form.get('intent'));
  if (!intent.success) throw new Response(null, { status: 400 });
  try {
    switch (intent.data) {
      case 'create': {
        const token = await createFeed(ctx, actor, {});
        // The token lives only in this response: a reload cannot show the address again.
        return { intent: 'create', feedUrl: `${context.config.appOrigin}/feeds/${token}.ics` };
      }
      case 'revoke':
        await revokeFeed(ctx, actor);
        return { intent: 'revoke' };
      case 'names': {
        const parsed = parseForm(feedNamesSchema, form);
        if (!parsed.ok) return badRequest({ intent: 'names', failure: parsed });
        await setFeedShowNames(ctx, actor, parsed.data.showNames);
        return { intent: 'names' };
      }
    }
  } catch (error) {
    throwAsResponse(error);
  }
}

const sectionClass = 'flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5';
const secondaryButtonClass =
  'self-start rounded-md border border-red-800 px-4 py-2 font-medium text-red-800 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800';

export default function CalendarSubscription() {
  const t = useT();
  const locale = useLocale();
  const { feed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t('feeds.title')} lead={t('feeds.lead')} />
      <div className="flex max-w-3xl flex-col gap-8">
        <section aria-labelledby="feed-howto-heading" className={sectionClass}>
          <h2 id="feed-howto-heading" className="text-lg font-semibold">
            {t('feeds.howTo')}
          </h2>
          <p>{t('feeds.readOnly')}</p>
          <p>{t('feeds.privacy')}</p>
          <ul className="list-disc pl-5">
            <li>{t('feeds.howTo.outlook')}</li>
            <li>{t('feeds.howTo.google')}</li>
            <li>{t('feeds.howTo.apple')}</li>
          </ul>
          <p className="text-sm text-slate-700">{t('feeds.howTo.delay')}</p>
        </section>

        <section aria-labelledby="feed-status-heading" className={sectionClass}>
          <h2 id="feed-status-heading" className="text-lg font-semibold">
            {t('feeds.status')}
          </h2>
          {result?.intent === 'create' ? <CreatedAddress url={result.feedUrl} /> : null}
          {result?.intent === 'revoke' ? <Notice>{t('feeds.revoked')}</Notice> : null}
          <p>
            {feed
              ? t('feeds.active', { date: formatDate(new Date(feed.createdAt), locale) })
              : t('feeds.none')}
          </p>
          <Form method="post" className="flex flex-col gap-2">
            {feed ? <p className="text-sm text-slate-700">{t('feeds.recreateHint')}</p> : null}
            <input type="hidden" name="intent" value="create" />
            <SubmitButton>{feed ? t('feeds.recreate') : t('feeds.create')}</SubmitButton>
          </Form>
          {feed ? (
            <Form method="post" className="flex flex-col gap-2">
              <p className="text-sm text-slate-700">{t('feeds.revokeHint')}</p>
              <input type="hidden" name="intent" value="revoke" />
              <button type="submit" className={secondaryButtonClass}>
                {t('feeds.revoke')}
              </button>
            </Form>
          ) : null}
        </section>

        {feed ? (
          <section aria-labelledby="feed-names-heading" className={sectionClass}>
            <h2 id="feed-names-heading" className="text-lg font-semibold">
              {t('feeds.names')}
            </h2>
            {result?.intent === 'names' && !result.failure ? (
              <Notice>{t('feeds.namesSaved')}</Notice>
            ) : null}
            {/* Keyed by the saved value so the box follows it after a save without JavaScript. */}
            <Form key={String(feed.showNames)} method="post" className="flex flex-col gap-3">
              <FormErrors
                failure={result?.intent === 'names' ? result.failure : undefined}
                labels={{ showNames: t('feeds.showNames') }}
              />
              <input type="hidden" name="intent" value="names" />
              <p className="text-sm text-slate-700">{t('feeds.showNamesWarning')}</p>
              <p className="text-sm text-slate-700">{t('feeds.showNamesHint')}</p>
              <CheckboxField
                name="showNames"
                label={t('feeds.showNames')}
                defaultChecked={feed.showNames}
              />
              <SubmitButton>{t('feeds.saveNames')}</SubmitButton>
            </Form>
          </section>
        ) : null}
      </div>
    </>
  );
}

/** The new address, shown once, in a field that is easy to select and copy. */
function CreatedAddress({ url }: { url: string }) {
  const t = useT();
  return (
    <div className="flex flex-col gap-2">
      <Notice>{t('feeds.created')}</Notice>
      <label htmlFor="feed-url" className="font-medium text-slate-800">
        {t('feeds.url')}
      </label>
      <input
        id="feed-url"
        type="text"
        readOnly
        value={url}
        aria-describedby="feed-url-once"
        spellCheck={false}
        onFocus={(event) => event.currentTarget.select()}
        className="rounded-md border border-slate-400 bg-slate-50 px-3 py-2 font-mono text-sm"
      />
      <CopyButton targetId="feed-url" label={t('feeds.copy')} />
      <p id="feed-url-once" className="text-sm font-medium text-amber-900">
        {t('feeds.urlOnce')}
      </p>
    </div>
  );
}
