import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { mayReportToCommissioner } from '~/contracts/access.server';
import { ContractDetails } from '~/contracts/contract-details';
import { StatusBadge } from '~/contracts/display';
import { getContract } from '~/contracts/get-contract.server';
import { activateContract, endContract } from '~/contracts/status.server';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { ExerciseSection } from '~/exercises/contract-section';
import {
  assignExerciseAction,
  assignIntent,
  exerciseSectionData,
} from '~/exercises/contract-section.server';
import { formFailure } from '~/forms/parse';
import { badRequest, refused } from '~/forms/respond.server';
import { idParam } from '~/http/params.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { ThemeTimeline } from '~/notes/theme-timeline';
import { themesOverTimeWindow } from '~/notes/themes-over-time.server';
import { PageHeader } from '~/ui/app-shell';
import { FormErrors, SubmitButton } from '~/ui/form';

const TIMELINE_SIZE = { past: 20, upcoming: 10 };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'contracts.detail', data?.contract.code);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const ctx = domainContext(context);
  const id = idParam(params.contractId);
  const contract = await getContract(ctx, actor, id).catch(throwAsResponse);
  // Themes come from the notes, so only the contract's own supervisor sees the timeline.
  const isSupervisor = contract.supervisor.id === actor.userId;
  // A busy contract has hundreds of sessions: the latest and the next ones, all on request.
  const allSessions = new URL(request.url).searchParams.get('timeline') === 'all';
  const [timeline, exercises] = isSupervisor
    ? await Promise.all([
        themesOverTimeWindow(ctx, actor, id, allSessions ? null : TIMELINE_SIZE),
        exerciseSectionData(ctx, actor, id),
      ]).catch(throwAsResponse)
    : [null, null];
  return {
    contract,
    timeline,
    allSessions,
    isSupervisor,
    exercises,
    mayReport: mayReportToCommissioner(actor),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const ctx = domainContext(context);
  const id = idParam(params.contractId);
  const form = await request.formData();
  const intent = form.get('intent');
  if (intent === assignIntent) return assignExerciseAction(ctx, actor, id, form);
  // Ending cannot be undone, so it takes a ticked confirmation, also without JavaScript.
  if (intent === 'end' && form.get('confirmEnd') !== 'on')
    return badRequest(formFailure({}, { confirmEnd: ['contracts.endConfirmRequired'] }));
  try {
    if (intent === 'activate') await activateContract(ctx, actor, id);
    else if (intent === 'end') await endContract(ctx, actor, id);
    else throw new Response(null, { status: 400 });
    return redirect(`/contracts/${id}`);
  } catch (error) {
    // A status changed meanwhile (another tab, a colleague) is told on the page.
    if (isAppError(error) && error.code === 'conflict')
      return refused(error, formFailure({}, {}, error.messageKey));
    return throwAsResponse(error);
  }
}

const secondaryButton =
  'rounded-md border border-teal-800 px-4 py-2 font-medium text-teal-900 no-underline hover:bg-teal-50';

export default function ContractPage() {
  const t = useT();
  const { contract, timeline, allSessions, isSupervisor, exercises, mayReport } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // The exercises section answers its own form; the rest of the page its own.
  const exerciseFailure = actionData && 'section' in actionData ? actionData : undefined;
  const failure = exerciseFailure ? undefined : actionData;
  const [searchParams] = useSearchParams();
  const confirmErrors = failure?.fieldErrors.confirmEnd ?? [];
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader
          title={`${t('contracts.detail')} ${contract.code}`}
          lead={contract.participants.map((p) => p.name).join(', ')}
        />
        <p className="flex items-center gap-2">
          <span className="font-medium">{t('contracts.status')}:</span>
          <StatusBadge status={contract.status} />
        </p>
      </div>
      <div className="mb-2 flex max-w-3xl flex-col gap-4">
        {failure?.formError ? <FormErrors failure={failure} /> : null}
        <div className="flex flex-wrap items-start gap-3">
          {contract.status === 'ended' ? null : (
            <Link to="edit" className={secondaryButton}>
              {t('contracts.edit')}
            </Link>
          )}
          {contract.status === 'active' && isSupervisor ? (
            <Link
              to={`/sessions/new?contractId=${contract.id}`}
              className="rounded-md bg-teal-800 px-4 py-2 font-medium text-white no-underline hover:bg-teal-900 hover:text-white"
            >
              {t('sessions.new')}
            </Link>
          ) : null}
          {contract.status === 'draft' ? (
            <Form method="post" className="flex flex-col gap-1">
              <input type="hidden" name="intent" value="activate" />
              <SubmitButton>{t('contracts.activate')}</SubmitButton>
              <p className="text-sm text-slate-600">{t('contracts.activateHint')}</p>
            </Form>
          ) : null}
        </div>
      </div>
      <ContractDetails contract={contract} />
      {timeline ? (
        <section aria-labelledby="timeline-heading" className="mt-8 max-w-5xl">
          <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
            {t('notes.timelineHeading')}
          </h2>
          <ThemeTimeline points={timeline.points} firstNumber={timeline.firstNumber} />
          <TimelineRange {...timeline} shown={timeline.points.length} all={allSessions} />
        </section>
      ) : null}
      {exercises ? (
        <ExerciseSection
          data={exercises}
          participants={contract.participants}
          failure={exerciseFailure}
          assigned={searchParams.get('assigned') === '1'}
          open={contract.status !== 'ended'}
        />
      ) : null}
      {isSupervisor ? (
        <p className="mt-6">
          <Link to="evaluations">{t('evaluations.title')}</Link>
        </p>
      ) : null}
      {mayReport && contract.commissionerDisclosure !== 'nothing' ? (
        <section className="mt-6 flex max-w-3xl flex-col gap-1">
          {/* A plain link: the browser saves the document instead of Remix routing to it. */}
          <a href={`/contracts/${contract.id}/commissioner-report`} download>
            {t('report.download')}
          </a>
          <p className="text-sm text-slate-600">
            {t('report.downloadHint', {
              withEvaluations:
                contract.commissionerDisclosure === 'attendance_and_evaluations'
                  ? t('report.withEvaluations')
                  : '',
            })}
          </p>
        </section>
      ) : null}
      {contract.status === 'active' ? (
        <Form
          method="post"
          className="mt-10 flex max-w-3xl flex-col gap-2 rounded-lg border border-red-200 bg-white p-4"
        >
          <input type="hidden" name="intent" value="end" />
          <h2 className="font-semibold">{t('contracts.end')}</h2>
          <p className="text-sm text-slate-700">{t('contracts.endHint')}</p>
          <div className="flex items-center gap-2">
            <input
              id="field-confirmEnd"
              name="confirmEnd"
              type="checkbox"
              aria-invalid={confirmErrors.length ? true : undefined}
              aria-describedby={confirmErrors.length ? 'field-confirmEnd-error' : undefined}
              className="h-5 w-5 accent-teal-800"
            />
            <label htmlFor="field-confirmEnd">{t('contracts.endConfirm')}</label>
          </div>
          {confirmErrors.length ? (
            <p id="field-confirmEnd-error" role="alert" className="text-sm text-red-800">
              {confirmErrors.map((key) => t(key)).join(' ')}
            </p>
          ) : null}
          <button
            type="submit"
            className="self-start rounded-md border border-red-800 px-4 py-2 font-medium text-red-800 hover:bg-red-50"
          >
            {t('contracts.end')}
          </button>
        </Form>
      ) : null}
    </>
  );
}

/** Which sessions the timeline shows, and a plain link to the others (works without JS). */
function TimelineRange({
  firstNumber,
  shown,
  total,
  all,
}: {
  firstNumber: number;
  shown: number;
  total: number;
  all: boolean;
}) {
  const t = useT();
  if (!all && shown === total) return null;
  return (
    <p className="mt-2 flex flex-wrap gap-x-4 text-sm text-slate-700">
      {all ? null : (
        <span>
          {t('contracts.timelineShowing', {
            from: firstNumber,
            to: firstNumber + shown - 1,
            total,
          })}
        </span>
      )}
      <Link
        to={
          all
            ? { search: '', hash: 'timeline-heading' }
            : { search: '?timeline=all', hash: 'timeline-heading' }
        }
      >
        {all ? t('contracts.timelineShowRecent') : t('contracts.timelineShowAll', { n: total })}
      </Link>
    </p>
  );
}
