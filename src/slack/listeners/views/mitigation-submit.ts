import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { MitigationInput } from '../../../domain/mitigation-edits';
import { saveMitigation } from '../../../use-cases/save-mitigation';
import type { SlackServices } from '../../deps';
import { NEXT_AFTER } from '../../forms/next-form';
import { parseMitigationForm } from '../../forms/parse-mitigation-form';
import { MitigationModalMetadataSchema } from '../../ids';
import { postInModelThread, postReopenedSteps } from '../../presenters/in-model-thread';
import { mention, truncate, userText } from '../../views/text';
import { notice } from '../../views/thread-messages';
import { checkedSubmission } from '../checked-submission';
import { saveThenGoOn } from './save-then-go-on';

/** What the thread is told: who added or changed which mitigation, and any baseline control set aside. */
const savedText = (userId: string, id: string, edited: boolean, input: MitigationInput) =>
  truncate(
    `${mention(userId)} ${edited ? 'changed' : 'added'} *${id}* for ${input.threatIds.join(', ')}: ${userText(input.description, 1200)}` +
      (input.deviation
        ? `\nSets baseline control \`${input.baselineControlId}\` aside: ${input.deviation.reason.replace(/_/g, ' ')}.`
        : ''),
    3000,
  );

/** A mitigation was submitted: validate against the current model, save, tell the thread. */
export function mitigationSubmit(services: SlackServices) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const checked = await checkedSubmission(
      services,
      { ack, body, view },
      MitigationModalMetadataSchema,
      'description',
    );
    if (!checked) return;
    const { metadata, model, workspaceId, userId } = checked;
    const parsed = parseMitigationForm(checked.state, userId, services.clock());
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const ref = { workspaceId, modelId: metadata.modelId };
    const { mitigationId } = metadata;
    await saveThenGoOn(services, {
      ack,
      state: checked.state,
      model,
      userId,
      current: 'mitigation',
      offered: mitigationId ? [] : NEXT_AFTER.mitigation,
      errorField: 'description',
      save: () => saveMitigation(services, { ref, by: userId, mitigationId, input: parsed.input }),
      announce: (saved) => {
        postInModelThread(
          services,
          saved.model,
          notice(savedText(userId, saved.mitigationId, saved.edited, parsed.input)),
        );
        postReopenedSteps(services, saved.model, saved.reopened);
      },
    });
  };
}
