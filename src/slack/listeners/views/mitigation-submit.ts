import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { addMitigation, updateMitigation } from '../../../domain/mitigation-edits';
import { ModelInvalidError } from '../../../errors';
import type { SlackServices } from '../../deps';
import { parseMitigationForm } from '../../forms/parse-mitigation-form';
import { MitigationModalMetadataSchema } from '../../ids';
import { mention, truncate, userText } from '../../views/text';
import { notice } from '../../views/thread-messages';
import { checkedSubmission } from '../checked-submission';
import { tellUser } from '../tell-user';

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
    const { metadata, state, workspaceId, userId } = checked;
    const parsed = parseMitigationForm(state, userId, services.clock());
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    await ack();
    await services.afterAck.run(async () => {
      const ref = { workspaceId, modelId: metadata.modelId };
      const where = { channel: checked.model.channelId, threadTs: checked.model.threadTs };
      try {
        const editing = metadata.mitigationId;
        let id = editing ?? '';
        const { model, changed } = await services.store.update(
          ref,
          { actor: userId, action: editing ? 'mitigation.edit' : 'mitigation.add' },
          (current) => {
            if (editing) return updateMitigation(current, editing, parsed.input) ?? current;
            const added = addMitigation(current, parsed.input, userId, services.clock());
            id = added.id;
            return added.model;
          },
        );
        if (!changed)
          return tellUser(
            services.client,
            services.logger,
            where,
            userId,
            `${id || 'The mitigation'} was not changed.`,
          );
        const text = truncate(
          `${mention(userId)} ${editing ? 'changed' : 'added'} *${id}* for ${parsed.input.threatIds.join(', ')}: ${userText(parsed.input.description, 1200)}` +
            (parsed.input.deviation
              ? `\nSets baseline control \`${parsed.input.baselineControlId}\` aside: ${parsed.input.deviation.reason.replace(/_/g, ' ')}.`
              : ''),
          3000,
        );
        await services.client.chat.postMessage({
          channel: model.channelId,
          thread_ts: model.threadTs,
          ...notice(text),
        });
        services.refresher.refresh(ref);
      } catch (error) {
        if (!(error instanceof ModelInvalidError)) throw error;
        await tellUser(
          services.client,
          services.logger,
          where,
          userId,
          'Your mitigation was not saved: the model changed meanwhile. Please try again.',
        );
      }
    });
  };
}
