import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { saveScopeElement } from '../../../use-cases/save-scope-element';
import type { SlackServices } from '../../deps';
import { NEXT_AFTER } from '../../forms/next-form';
import { parseScopeForm } from '../../forms/parse-scope-form';
import { SCOPE_FIELDS } from '../../forms/scope-fields';
import { ScopeModalMetadataSchema } from '../../ids';
import { postInModelThread, postReopenedSteps } from '../../presenters/in-model-thread';
import { componentAddedMessage } from '../../views/responsibility-messages';
import { checkedSubmission } from '../checked-submission';
import { saveThenGoOn } from './save-then-go-on';

/**
 * A scope modal was submitted. Before the ack (which must carry inline errors): check the model
 * still accepts changes from this user and validate every field with the element's schema.
 * Then the use case stores the change (after the ack, or before it when the person goes on to
 * another form: see save-then-go-on.ts); the card and summary follow.
 */
export function scopeElementSubmit(services: SlackServices) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const checked = await checkedSubmission(services, { ack, body, view }, ScopeModalMetadataSchema, {
      outOfDate: firstInput(view),
      refused: ({ kind }) => SCOPE_FIELDS[kind][0]?.name ?? firstInput(view),
    });
    if (!checked) return;
    const { metadata, workspaceId, userId, model } = checked;
    const { modelId, kind, elementId } = metadata;
    const parsed = parseScopeForm(kind, checked.state, { model, catalog: services.catalog });
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    const ref = { workspaceId, modelId };
    await saveThenGoOn(services, {
      ack,
      state: checked.state,
      model,
      userId,
      current: kind,
      offered: elementId ? [] : NEXT_AFTER.scope,
      errorField: SCOPE_FIELDS[kind][0]?.name ?? firstInput(view),
      save: () => saveScopeElement(services, { ref, by: userId, kind, elementId, input: parsed.input }),
      announce: (outcome) => {
        const added = kind === 'component' && !elementId ? outcome.model.scope.components.at(-1) : undefined;
        if (added) postInModelThread(services, outcome.model, componentAddedMessage(userId, added, services.catalog));
        postReopenedSteps(services, outcome.model, outcome.reopened);
      },
    });
  };
}

function firstInput(view: ViewSubmitAction['view']): string {
  const input = view.blocks.find((block) => block.type === 'input');
  return input?.block_id ?? 'name';
}
