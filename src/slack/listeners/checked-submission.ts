import type { SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { z } from 'zod';
import type { ThreatModel } from '../../domain/model';
import { editableModel } from '../../use-cases/model-access';
import type { SlackServices } from '../deps';
import { type ViewState, ViewStateSchema } from '../forms/form-values';
import { readMetadata } from '../ids';

export interface CheckedSubmission<M> {
  metadata: M;
  state: ViewState;
  workspaceId: string;
  userId: string;
  model: ThreatModel;
}

/**
 * Where a submission's inline error goes: one field, or one for an out-of-date form and another,
 * chosen from the metadata, for a refusal (the scope modals' first field depends on their kind).
 */
export type ErrorField<M> = string | { outOfDate: string; refused: (metadata: M) => string };

/**
 * The common start of a model modal's submission: read its metadata and state, and check the user
 * may still change the model. Otherwise the submission is answered with an inline error on
 * `errorField` and undefined is returned.
 */
export async function checkedSubmission<S extends z.ZodType<{ modelId: string }>>(
  services: SlackServices,
  { ack, body, view }: Pick<SlackViewMiddlewareArgs<ViewSubmitAction>, 'ack' | 'body' | 'view'>,
  schema: S,
  errorField: ErrorField<z.infer<S>>,
): Promise<CheckedSubmission<z.infer<S>> | undefined> {
  const metadata = readMetadata(schema, view.private_metadata);
  const state = ViewStateSchema.safeParse(view.state.values);
  if (!metadata || !state.success) {
    const field = typeof errorField === 'string' ? errorField : errorField.outOfDate;
    await ack({
      response_action: 'errors',
      errors: { [field]: 'This form is out of date. Close it and start again.' },
    });
    return undefined;
  }
  const workspaceId = body.team?.id ?? body.user.team_id ?? '';
  const userId = body.user.id;
  const access = await editableModel(services, workspaceId, metadata.modelId, userId);
  if (!access.ok) {
    const field = typeof errorField === 'string' ? errorField : errorField.refused(metadata);
    await ack({ response_action: 'errors', errors: { [field]: access.message } });
    return undefined;
  }
  return { metadata, state: state.data, workspaceId, userId, model: access.model };
}
