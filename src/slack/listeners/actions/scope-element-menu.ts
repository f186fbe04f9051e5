import type { AllMiddlewareArgs, BlockAction, OverflowAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { findScopeElement, SCOPE_KIND_NAMES, scopeKindOf } from '../../../domain/scope-edits';
import { removeScopeElement } from '../../../use-cases/remove-scope-element';
import type { SlackServices } from '../../deps';
import { postReopenedSteps } from '../../presenters/in-model-thread';
import { scopeElementModal } from '../../views/scope-element-modal';
import { menuChoice } from '../menu-choice';

/** The Edit/Remove menu on each line of the scope summary. */
export function scopeElementMenu(services: SlackServices) {
  return async ({
    ack,
    body,
    action,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<OverflowAction>> & AllMiddlewareArgs) => {
    await ack();
    const choice = await menuChoice(services, { body, action, respond });
    if (!choice) return;
    const { verb, id: elementId, workspaceId, tell } = choice;
    const kind = scopeKindOf(elementId);
    if (!kind) return;
    const existing = findScopeElement(choice.model, kind, elementId);
    if (!existing) return tell(`${elementId} no longer exists in ${choice.model.id}.`);

    if (verb === 'edit') {
      const view = scopeElementModal(kind, { model: choice.model, catalog: services.catalog }, existing);
      await services.client.views.open({ trigger_id: body.trigger_id, view: view });
      return;
    }
    if (verb !== 'remove') return;
    const ref = { workspaceId, modelId: choice.model.id };
    const outcome = await removeScopeElement(services, { ref, by: body.user.id, kind, elementId });
    if (!outcome.ok) return tell(outcome.message);
    await tell(`Removed ${SCOPE_KIND_NAMES[kind]} ${elementId}.`);
    postReopenedSteps(services, outcome.model, outcome.reopened);
  };
}
