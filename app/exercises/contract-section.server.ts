/**
 * The exercises section of the staff contract page: what its loader adds and the action
 * intent `assignExercise`, kept here so the page only hands over to it.
 */
import { redirect } from '@remix-run/node';

import { throwAsResponse } from '~/auth/guards.server';
import type { DomainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { formFailure, parseForm } from '~/forms/parse';
import { badRequest, refused } from '~/forms/respond.server';
import type { MemberActor } from '~/practices/actor';

import { assignExercise, listContractAssignments } from './assignments.server';
import { assignSchema } from './schemas';
import { listExercises } from './toolkit.server';

export const assignIntent = 'assignExercise';

/** For the contract's own supervisor: the toolkit to choose from and what was given so far. */
export async function exerciseSectionData(
  ctx: DomainContext,
  actor: MemberActor,
  contractId: string,
) {
  const [toolkit, assignments] = await Promise.all([
    listExercises(ctx, actor),
    listContractAssignments(ctx, actor, contractId),
  ]);
  return {
    toolkit: toolkit.map((e) => ({ id: e.id, titleFi: e.titleFi, titleEn: e.titleEn })),
    assignments,
  };
}

/** Gives an exercise from the contract page; answers the form again on a refusal. */
export async function assignExerciseAction(
  ctx: DomainContext,
  actor: MemberActor,
  contractId: string,
  form: FormData,
) {
  const parsed = parseForm(assignSchema, form);
  if (!parsed.ok) {
    return badRequest({
      ...formFailure(parsed.values, parsed.fieldErrors),
      section: 'exercises' as const,
    });
  }
  try {
    await assignExercise(ctx, actor, contractId, parsed.data);
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict') {
      return refused(error, {
        ...formFailure(form, {}, error.messageKey),
        section: 'exercises' as const,
      });
    }
    return throwAsResponse(error);
  }
  return redirect(`/contracts/${contractId}?assigned=1#exercises`);
}
