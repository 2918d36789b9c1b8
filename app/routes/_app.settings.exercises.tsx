import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import { mayEditToolkit } from '~/exercises/access.server';
import { exerciseSchema } from '~/exercises/schemas';
import {
  createExercise,
  type ExerciseView,
  listExercises,
  setExerciseArchived,
  updateExercise,
} from '~/exercises/toolkit.server';
import { type FormFailure, parseForm } from '~/forms/parse';
import { badRequest } from '~/forms/respond.server';
import { idParam } from '~/http/params.server';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { themes } from '~/notes/themes';
import { PageHeader } from '~/ui/app-shell';
import { Field, FormErrors, Notice, SelectField, SubmitButton } from '~/ui/form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'exercises.toolkitTitle');

/** Every member reads the toolkit (they give its exercises); the owner keeps it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const archived = new URL(request.url).searchParams.get('archived') === '1';
  const list = await listExercises(domainContext(context), actor, { archived });
  return { exercises: list, archived, mayEdit: mayEditToolkit(actor) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const ctx = domainContext(context);
  const form = await request.formData();
  const intent = form.get('intent');
  if (intent === 'archive' || intent === 'restore') {
    const id = idParam(String(form.get('exerciseId') ?? ''));
    await setExerciseArchived(ctx, actor, id, intent === 'archive').catch(throwAsResponse);
    return redirect(`/settings/exercises?done=${intent === 'archive' ? 'archived' : 'restored'}`);
  }
  const parsed = parseForm(exerciseSchema, form);
  if (!parsed.ok)
    return badRequest({ ...parsed, exerciseId: String(form.get('exerciseId') ?? '') });
  if (intent === 'update') {
    const id = idParam(String(form.get('exerciseId') ?? ''));
    await updateExercise(ctx, actor, id, parsed.data).catch(throwAsResponse);
  } else {
    await createExercise(ctx, actor, parsed.data).catch(throwAsResponse);
  }
  return redirect('/settings/exercises?done=saved');
}

const buttonClass = 'rounded-md border border-slate-500 px-4 py-2 hover:bg-slate-100';

export default function ExerciseToolkit() {
  const t = useT();
  const locale = useLocale();
  const { exercises, archived, mayEdit } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get('done');
  const editing = searchParams.get('edit') ?? (failed?.exerciseId || null);
  const title = (e: ExerciseView) => (locale === 'fi' ? e.titleFi : e.titleEn);
  return (
    <>
      <PageHeader title={t('exercises.toolkitTitle')} lead={t('exercises.toolkitLead')} />
      <div className="flex max-w-3xl flex-col gap-6">
        {done === 'saved' ? <Notice>{t('exercises.saved')}</Notice> : null}
        {done === 'archived' ? <Notice>{t('exercises.archived')}</Notice> : null}
        {done === 'restored' ? <Notice>{t('exercises.restored')}</Notice> : null}
        {mayEdit ? null : <p className="text-slate-700">{t('exercises.toolkitReadOnly')}</p>}
        <p>
          <Link to={archived ? '/settings/exercises' : '/settings/exercises?archived=1'}>
            {t(archived ? 'exercises.showActive' : 'exercises.showArchived')}
          </Link>
        </p>
        {archived ? (
          <h2 className="text-lg font-semibold">{t('exercises.archivedHeading')}</h2>
        ) : null}
        {exercises.length === 0 ? <p>{t('exercises.empty')}</p> : null}
        {exercises.map((exercise) => (
          <section
            key={exercise.id}
            aria-labelledby={`exercise-${exercise.id}`}
            className="rounded-lg border border-slate-200 bg-white p-5"
          >
            <h2 id={`exercise-${exercise.id}`} className="text-lg font-semibold">
              {title(exercise)}
            </h2>
            <p className="mb-2 text-sm text-slate-600">
              {exercise.theme ? t(`theme.${exercise.theme}`) : t('exercises.themeNone')}
            </p>
            {mayEdit && editing === exercise.id ? (
              <ExerciseForm
                exercise={exercise}
                failure={failed?.exerciseId === exercise.id ? failed : undefined}
              />
            ) : (
              <p className="whitespace-pre-line">
                {locale === 'fi' ? exercise.instructionsFi : exercise.instructionsEn}
              </p>
            )}
            {mayEdit && editing !== exercise.id ? (
              <div className="mt-3 flex flex-wrap gap-3">
                {archived ? null : (
                  <Link
                    to={`?edit=${exercise.id}`}
                    aria-label={t('exercises.editLabel', { title: title(exercise) })}
                    className={`${buttonClass} no-underline`}
                  >
                    {t('form.edit')}
                  </Link>
                )}
                <Form method="post">
                  <input type="hidden" name="exerciseId" value={exercise.id} />
                  <button
                    type="submit"
                    name="intent"
                    value={archived ? 'restore' : 'archive'}
                    aria-label={t(archived ? 'exercises.restoreLabel' : 'exercises.archiveLabel', {
                      title: title(exercise),
                    })}
                    className={buttonClass}
                  >
                    {t(archived ? 'exercises.restore' : 'exercises.archive')}
                  </button>
                </Form>
              </div>
            ) : null}
          </section>
        ))}
        {/* One form at a time: the fields' ids are their names. */}
        {mayEdit && !archived && !editing ? (
          <section
            aria-labelledby="new-exercise"
            className="rounded-lg border border-slate-200 bg-white p-5"
          >
            <h2 id="new-exercise" className="mb-3 text-lg font-semibold">
              {t('exercises.new')}
            </h2>
            <ExerciseForm exercise={null} failure={failed?.exerciseId ? undefined : failed} />
          </section>
        ) : null}
      </div>
    </>
  );
}

function ExerciseForm({
  exercise,
  failure,
}: {
  exercise: ExerciseView | null;
  failure: FormFailure | undefined;
}) {
  const t = useT();
  const labels = {
    titleFi: t('exercises.titleFi'),
    titleEn: t('exercises.titleEn'),
    instructionsFi: t('exercises.instructionsFi'),
    instructionsEn: t('exercises.instructionsEn'),
  };
  return (
    <Form method="post" className="flex flex-col gap-3">
      <FormErrors failure={failure} labels={labels} />
      <input type="hidden" name="intent" value={exercise ? 'update' : 'create'} />
      {exercise ? <input type="hidden" name="exerciseId" value={exercise.id} /> : null}
      <SelectField
        name="theme"
        label={t('exercises.theme')}
        failure={failure}
        defaultValue={exercise?.theme ?? ''}
        options={[
          { value: '', label: t('exercises.themeNone') },
          ...themes.map((theme) => ({ value: theme, label: t(`theme.${theme}`) })),
        ]}
      />
      <Field
        name="titleFi"
        label={t('exercises.titleFi')}
        failure={failure}
        defaultValue={exercise?.titleFi}
      />
      <Field
        name="titleEn"
        label={t('exercises.titleEn')}
        failure={failure}
        defaultValue={exercise?.titleEn}
      />
      <Field
        name="instructionsFi"
        label={t('exercises.instructionsFi')}
        rows={8}
        failure={failure}
        defaultValue={exercise?.instructionsFi}
      />
      <Field
        name="instructionsEn"
        label={t('exercises.instructionsEn')}
        rows={8}
        failure={failure}
        defaultValue={exercise?.instructionsEn}
      />
      <SubmitButton>{t('form.save')}</SubmitButton>
    </Form>
  );
}
