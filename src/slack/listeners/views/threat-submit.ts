import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { previewThreat, saveThreat } from '../../../use-cases/save-threat';
import type { SlackServices } from '../../deps';
import { chosenNextForm, NEXT_AFTER } from '../../forms/next-form';
import { parseThreatForm } from '../../forms/parse-threat-form';
import { ThreatModalMetadataSchema } from '../../ids';
import { postInModelThread, postReopenedSteps } from '../../presenters/in-model-thread';
import { threatSavedMessage } from '../../views/thread-messages';
import { threatModal } from '../../views/threat-modal';
import { checkedSubmission } from '../checked-submission';
import { saveThenGoOn } from './save-then-go-on';

/**
 * The threat modal was submitted. New or changed values: answer with the same modal showing the
 * sentence they make. Values already previewed: save the threat and tell the thread.
 */
export function threatSubmit(services: SlackServices) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const checked = await checkedSubmission(services, { ack, body, view }, ThreatModalMetadataSchema, 'threatSource');
    if (!checked) return;
    const { model, workspaceId, userId } = checked;
    const { modelId, threatId, previewed, capturedFrom } = checked.metadata;
    const parsed = parseThreatForm(checked.state);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const offered = threatId ? [] : NEXT_AFTER.threat;
    const goOnTo = chosenNextForm(checked.state, offered);
    const preview = previewThreat(model, parsed.input, previewed);
    if (!preview.confirmed) {
      const next = threatModal(
        { model, catalog: services.catalog },
        {
          ...(threatId && { threatId }),
          ...(capturedFrom && { capturedFrom }),
          values: parsed.input,
          preview: preview.sentence,
          previewed: preview.key,
          ...(goOnTo && { goOnTo }),
        },
      );
      return ack({ response_action: 'update', view: next });
    }
    const ref = { workspaceId, modelId };
    await saveThenGoOn(services, {
      ack,
      state: checked.state,
      model,
      userId,
      current: 'threat',
      offered,
      errorField: 'threatSource',
      save: () => saveThreat(services, { ref, by: userId, threatId, capturedFrom, input: parsed.input }),
      announce: (saved) => {
        postInModelThread(
          services,
          saved.model,
          threatSavedMessage(userId, saved.threatId, saved.sentence, saved.edited),
        );
        postReopenedSteps(services, saved.model, saved.reopened);
      },
    });
  };
}
