import type { AllMiddlewareArgs, BlockAction, OverflowAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { findScopeElement, removeScopeElement, SCOPE_KIND_NAMES, scopeKindOf } from '../../../domain/scope-edits';
import type { SlackServices } from '../../deps';
import { scopeElementModal } from '../../views/scope-element-modal';
import { menuChoice } from '../menu-choice';

/** The Edit/Remove menu on each line of the scope summary. */
export function scopeElementMenu(services: SlackServices) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<OverflowAction>> & AllMiddlewareArgs) => {
    await ack();
    const choice = await menuChoice(services, body, action);
    if (!choice) return;
    const { verb, id: elementId, workspaceId, tell } = choice;
    const kind = scopeKindOf(elementId);
    if (!kind) return;
    const existing = findScopeElement(choice.model, kind, elementId);
    if (!existing) return tell(`${elementId} no longer exists in ${choice.model.id}.`);

    if (verb === 'edit') {
      const view = scopeElementModal(kind, { model: choice.model, catalog: services.catalog }, existing);
      await services.client.views.open({ trigger_id: body.trigger_id, view: view as never });
      return;
    }
    if (verb !== 'remove') return;
    let refusal: string | undefined;
    await services.store.update(
      { workspaceId, modelId: choice.model.id },
      { actor: body.user.id, action: `scope.${kind}.remove` },
      (current) => {
        const outcome = removeScopeElement(current, kind, elementId);
        if (outcome.ok) return outcome.model;
        refusal =
          outcome.reason === 'in_use'
            ? `${elementId} is still used by ${outcome.usedBy.join(', ')}: change or remove those first.`
            : `${elementId} no longer exists.`;
        return current;
      },
    );
    if (refusal) return tell(refusal);
    await tell(`Removed ${SCOPE_KIND_NAMES[kind]} ${elementId}.`);
    services.refresher.refresh({ workspaceId, modelId: choice.model.id });
  };
}
