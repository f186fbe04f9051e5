import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { previewThreat, saveThreat } from '../../../use-cases/save-threat';
import type { SlackServices } from '../../deps';
import { parseThreatForm } from '../../forms/parse-threat-form';
import { ThreatModalMetadataSchema } from '../../ids';
import { postInModelThread, postReopenedSteps, tellInModelThread } from '../../presenters/in-model-thread';
import { threatSavedMessage } from '../../views/thread-messages';
import { threatModal } from '../../views/threat-modal';
import { checkedSubmission } from '../checked-submission';

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
        },
      );
      return ack({ response_action: 'update', view: next });
    }
    await ack();
    await services.afterAck.run(async () => {
      const ref = { workspaceId, modelId };
      const saved = await saveThreat(services, { ref, by: userId, threatId, capturedFrom, input: parsed.input });
      if (!saved.ok) {
        return tellInModelThread(services, model, userId, saved.message);
      }
      postInModelThread(
        services,
        saved.model,
        threatSavedMessage(userId, saved.threatId, saved.sentence, saved.edited),
      );
      postReopenedSteps(services, saved.model, saved.reopened);
    });
  };
}
