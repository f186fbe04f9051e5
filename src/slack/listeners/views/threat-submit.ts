import { createHash } from 'node:crypto';
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { threatStatement } from '../../../domain/statement';
import { addThreat, updateThreat } from '../../../domain/threat-edits';
import { ModelInvalidError } from '../../../errors';
import type { SlackServices } from '../../deps';
import { parseThreatForm } from '../../forms/parse-threat-form';
import { ThreatModalMetadataSchema } from '../../ids';
import { threatSavedMessage } from '../../views/thread-messages';
import { threatModal } from '../../views/threat-modal';
import { checkedSubmission } from '../checked-submission';
import { tellUser } from '../tell-user';

const fingerprint = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/**
 * The threat modal was submitted. New or changed values: answer with the same modal showing the
 * sentence they make. Values already previewed: save the threat and tell the thread.
 */
export function threatSubmit(services: SlackServices) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const checked = await checkedSubmission(services, { ack, body, view }, ThreatModalMetadataSchema, 'threatSource');
    if (!checked) return;
    const { state, workspaceId, userId } = checked;
    const { modelId, threatId, previewed, capturedFrom } = checked.metadata;
    const parsed = parseThreatForm(state);
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    const sentence = threatStatement(parsed.input, checked.model.scope.assets);
    const key = fingerprint(parsed.input);
    if (key !== previewed) {
      const context = { model: checked.model, catalog: services.catalog };
      const next = threatModal(context, {
        ...(threatId && { threatId }),
        ...(capturedFrom && { capturedFrom }),
        values: parsed.input,
        preview: sentence,
        previewed: key,
      });
      await ack({ response_action: 'update', view: next as never });
      return;
    }
    await ack();

    await services.afterAck.run(async () => {
      const ref = { workspaceId, modelId };
      const where = { channel: checked.model.channelId, threadTs: checked.model.threadTs };
      let savedId = threatId;
      try {
        const { model, changed } = await services.store.update(
          ref,
          { actor: userId, action: threatId ? 'threat.edit' : 'threat.add' },
          (current) => {
            if (threatId) return updateThreat(current, threatId, parsed.input) ?? current;
            const origin = capturedFrom ? { type: 'slack_message' as const, permalink: capturedFrom } : undefined;
            const added = addThreat(current, parsed.input, userId, services.clock(), origin);
            savedId = added.id;
            return added.model;
          },
        );
        if (!changed || !savedId) {
          return tellUser(
            services.client,
            services.logger,
            where,
            userId,
            `${threatId ?? 'The threat'} was not saved: it no longer exists or nothing changed.`,
          );
        }
        await services.client.chat.postMessage({
          channel: model.channelId,
          thread_ts: model.threadTs,
          ...threatSavedMessage(userId, savedId, sentence, Boolean(threatId)),
        });
        services.refresher.refresh(ref);
      } catch (error) {
        if (!(error instanceof ModelInvalidError)) throw error;
        services.logger.info({ model: modelId, problems: error.problems }, 'threat refused');
        await tellUser(
          services.client,
          services.logger,
          where,
          userId,
          'Your threat was not saved: the model changed meanwhile. Please try again.',
        );
      }
    });
  };
}
