import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { addThreat } from '../../../domain/threat-edits';
import { editableModel } from '../../../use-cases/model-access';
import type { SlackServices } from '../../deps';
import { ViewStateSchema } from '../../forms/form-values';
import { idsOnPage, mergePicks, suggestionsFor } from '../../forms/suggestion-picks';
import { readMetadata, SuggestionsMetadataSchema } from '../../ids';
import { SUGGESTIONS_PER_PAGE } from '../../views/catalog-suggestions-modal';
import { mention, truncate } from '../../views/text';
import { notice } from '../../views/thread-messages';
import { tellUser } from '../tell-user';

/**
 * The ticked catalog threats are added to the model, each placed on the components it fits and
 * recording its catalog origin; the thread is told which threats arrived.
 */
export function suggestionsSubmit(services: SlackServices) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const metadata = readMetadata(SuggestionsMetadataSchema, view.private_metadata);
    const state = ViewStateSchema.safeParse(view.state.values);
    if (!metadata || !state.success) return ack();
    const workspaceId = body.team?.id ?? body.user.team_id ?? '';
    const userId = body.user.id;
    const access = await editableModel(services, workspaceId, metadata.modelId, userId);
    if (!access.ok) {
      const firstInput = view.blocks.find((block) => block.type === 'input')?.block_id;
      if (firstInput) return ack({ response_action: 'errors', errors: { [firstInput]: access.message } });
      return ack();
    }
    const suggestions = suggestionsFor(access.model, services.catalog);
    const picked = mergePicks(metadata.picked, idsOnPage(suggestions, metadata.page, SUGGESTIONS_PER_PAGE), state.data);
    await ack();
    if (picked.length === 0) return;

    await services.afterAck.run(async () => {
      const added: string[] = [];
      const { model } = await services.store.update(
        { workspaceId, modelId: metadata.modelId },
        { actor: userId, action: 'threat.add_from_catalog' },
        (current) => {
          added.length = 0;
          let next = current;
          for (const suggestion of suggestionsFor(current, services.catalog).filter((s) =>
            picked.includes(s.threat.id),
          )) {
            const { threat } = suggestion;
            const result = addThreat(
              next,
              {
                threatSource: threat.threatSource,
                prerequisites: threat.prerequisites,
                threatAction: threat.threatAction,
                threatImpact: threat.threatImpact,
                impactedGoals: threat.impactedGoals,
                impactedAssetIds: [],
                stride: threat.stride,
                affectedElementIds: suggestion.componentIds,
              },
              userId,
              services.clock(),
              { type: 'catalog', catalogThreatId: threat.id },
            );
            next = result.model;
            added.push(result.id);
          }
          return next;
        },
      );
      const where = { channel: model.channelId, threadTs: model.threadTs };
      if (added.length === 0)
        return tellUser(services.client, services.logger, where, userId, 'Those threats are already in the model.');
      await services.client.chat.postMessage({
        channel: model.channelId,
        thread_ts: model.threadTs,
        ...notice(
          truncate(
            `${mention(userId)} added ${added.length} threat(s) from the catalog: ${added.join(', ')}. Map them to your assets with *Edit*.`,
            3000,
          ),
        ),
      });
      services.refresher.refresh({ workspaceId, modelId: model.id });
    });
  };
}
