import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import { formFailure, parseForm } from '~/forms/parse';
import { type BadRequest, badRequest } from '~/forms/respond.server';
import { idParam } from '~/http/params.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { bookingProblem } from '~/sessions/action-results.server';
import { seriesDateSchema } from '~/sessions/schemas';
import { type SeriesDateProblem, SeriesResultView } from '~/sessions/series-result';
import { bookIntoSeries, clashStartsOf, getSeriesResult } from '~/sessions/series-result.server';
import { helsinkiDate } from '~/time/helsinki';
import { PageHeader } from '~/ui/app-shell';

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, 'sessions.seriesResult.title');

/** The dates the series left out, as the address names them (checked again on every read). */
const leftOutOf = (request: Request) =>
  clashStartsOf(new URL(request.url).searchParams.getAll('clash'));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const seriesId = idParam(params.seriesId);
  const result = await getSeriesResult(
    domainContext(context),
    actor,
    seriesId,
    leftOutOf(request),
  ).catch(throwAsResponse);
  return { result };
}

/** Books one date left out at another time that day, then shows the page again. */
export async function action({
  request,
  params,
  context,
}: ActionFunctionArgs): Promise<BadRequest<SeriesDateProblem> | Response> {
  const actor = await requirePracticeRole(request, context);
  const seriesId = idParam(params.seriesId);
  const form = await request.formData();
  const sent = form.get('date');
  const date = typeof sent === 'string' ? sent : '';
  const parsed = parseForm(seriesDateSchema, form);
  if (!parsed.ok) {
    return badRequest({ date, failure: formFailure(parsed.values, parsed.fieldErrors) });
  }
  if (!leftOutOf(request).some((start) => helsinkiDate(start) === parsed.data.date)) {
    return badRequest({
      date,
      failure: formFailure(form, {}, 'sessions.seriesResult.notLeftOut'),
    });
  }
  try {
    await bookIntoSeries(domainContext(context), actor, seriesId, parsed.data);
  } catch (error) {
    return bookingProblem(form, error, { date });
  }
  const url = new URL(request.url);
  return redirect(`${url.pathname}${url.search}`);
}

export default function SeriesResultPage() {
  const t = useT();
  const { result } = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t('sessions.seriesResult.title')} />
      <SeriesResultView result={result} problem={problem} />
    </>
  );
}
