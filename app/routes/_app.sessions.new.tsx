import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';

import { requirePracticeRole } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import { formFailure, parseForm } from '~/forms/parse';
import { type BadRequest, badRequest } from '~/forms/respond.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { bookingProblem } from '~/sessions/action-results.server';
import { bookSeries, bookSession, listBookableContracts } from '~/sessions/booking.server';
import { BookingForm } from '~/sessions/booking-form';
import type { BookingProblem } from '~/sessions/form-parts';
import { bookingSchema } from '~/sessions/schemas';
import { seriesResultPath } from '~/sessions/series-result.server';
import { helsinkiDate, isLocalDate, isLocalTime } from '~/time/helsinki';
import { formatIsoWeek, isoWeekOf } from '~/time/iso-week';
import { PageHeader } from '~/ui/app-shell';
import { Notice } from '~/ui/form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'sessions.new');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const contracts = await listBookableContracts(domainContext(context), actor);
  const params = new URL(request.url).searchParams;
  // ?contractId= preselects a contract (and its session length), e.g. from a contract's page;
  // ?date=YYYY-MM-DD&time=HH:MM fill in the time, e.g. from a free slot in the calendar.
  // Whatever is not valid is left out, and the form starts empty there.
  const wanted = params.get('contractId');
  const date = params.get('date') ?? '';
  const time = params.get('time') ?? '';
  return {
    contracts,
    // A supervisor with one active contract has nothing to choose: it is chosen for them.
    selectedId: contracts.some((c) => c.id === wanted)
      ? wanted
      : contracts.length === 1
        ? (contracts[0]?.id ?? null)
        : null,
    when: {
      date: isLocalDate(date) ? date : undefined,
      time: isLocalTime(time) ? time : undefined,
    },
  };
}

export async function action({
  request,
  context,
}: ActionFunctionArgs): Promise<BookingProblem | BadRequest<BookingProblem> | Response> {
  const actor = await requirePracticeRole(request, context);
  const form = await request.formData();
  const parsed = parseForm(bookingSchema, form);
  if (!parsed.ok) {
    return badRequest<BookingProblem>({ failure: formFailure(parsed.values, parsed.fieldErrors) });
  }
  const { series, startsAt, ...booking } = parsed.data;
  const ctx = domainContext(context);
  try {
    if (series) {
      const booked = await bookSeries(ctx, actor, {
        ...booking,
        firstStartsAt: startsAt,
        everyWeeks: series.everyWeeks,
        count: series.count,
      });
      // Dates left out are asked about on a page of their own, so a reload books nothing twice.
      if (booked.clashes.length > 0) {
        return redirect(
          seriesResultPath(
            booked.seriesId,
            booked.clashes.map((clash) => clash.start),
          ),
        );
      }
      return redirect(`/calendar?week=${formatIsoWeek(isoWeekOf(helsinkiDate(startsAt)))}`);
    }
    const id = await bookSession(ctx, actor, { ...booking, startsAt });
    return redirect(`/sessions/${id}`);
  } catch (error) {
    return bookingProblem(form, error, {});
  }
}

export default function NewSession() {
  const t = useT();
  const { contracts, selectedId, when } = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t('sessions.new')} lead={t('sessions.newLead')} />
      {contracts.length === 0 ? (
        <Notice>{t('sessions.noActiveContracts')}</Notice>
      ) : (
        <BookingForm
          contracts={contracts}
          selectedContract={contracts.find((c) => c.id === selectedId)}
          when={when}
          problem={problem}
        />
      )}
    </>
  );
}
