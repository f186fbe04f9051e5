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
 * The common start of a model modal's submission: read its metadata and state, and check the user
 * may still change the model. Otherwise the submission is answered with an inline error on
 * `errorField` and undefined is returned.
 */
export async function checkedSubmission<S extends z.ZodType<{ modelId: string }>>(
  services: SlackServices,
  { ack, body, view }: Pick<SlackViewMiddlewareArgs<ViewSubmitAction>, 'ack' | 'body' | 'view'>,
  schema: S,
  errorField: string,
): Promise<CheckedSubmission<z.infer<S>> | undefined> {
  const metadata = readMetadata(schema, view.private_metadata);
  const state = ViewStateSchema.safeParse(view.state.values);
  if (!metadata || !state.success) {
    await ack({
      response_action: 'errors',
      errors: { [errorField]: 'This form is out of date. Close it and start again.' },
    });
    return undefined;
  }
  const workspaceId = body.team?.id ?? body.user.team_id ?? '';
  const userId = body.user.id;
  const access = await editableModel(services, workspaceId, metadata.modelId, userId);
  if (!access.ok) {
    await ack({ response_action: 'errors', errors: { [errorField]: access.message } });
    return undefined;
  }
  return { metadata, state: state.data, workspaceId, userId, model: access.model };
}
