import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { addScopeElement, SCOPE_KIND_NAMES, updateScopeElement } from '../../../domain/scope-edits';
import { ModelInvalidError } from '../../../errors';
import { editableModel } from '../../../use-cases/model-access';
import type { SlackServices } from '../../deps';
import { ViewStateSchema } from '../../forms/form-values';
import { parseScopeForm } from '../../forms/parse-scope-form';
import { SCOPE_FIELDS } from '../../forms/scope-fields';
import { readMetadata, ScopeModalMetadataSchema } from '../../ids';
import { tellUser } from '../tell-user';

/**
 * A scope modal was submitted. Before the ack (which must carry inline errors): check the model
 * still accepts changes from this user and validate every field with the element's schema.
 * After the ack: store the change and refresh the card and summary.
 */
export function scopeElementSubmit(services: SlackServices) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const metadata = readMetadata(ScopeModalMetadataSchema, view.private_metadata);
    const state = ViewStateSchema.safeParse(view.state.values);
    if (!metadata || !state.success) {
      await ack({
        response_action: 'errors',
        errors: { [firstInput(view)]: 'This form is out of date. Close it and start again.' },
      });
      return;
    }
    const { modelId, kind, elementId } = metadata;
    const workspaceId = body.team?.id ?? body.user.team_id ?? '';
    const userId = body.user.id;
    const firstField = SCOPE_FIELDS[kind][0]?.name ?? firstInput(view);

    const access = await editableModel(services, workspaceId, modelId, userId);
    if (!access.ok) {
      await ack({ response_action: 'errors', errors: { [firstField]: access.message } });
      return;
    }
    const parsed = parseScopeForm(kind, state.data, { model: access.model, catalog: services.catalog });
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    await ack();
    await services.afterAck.run(async () => {
      const ref = { workspaceId, modelId };
      const where = { channel: access.model.channelId, threadTs: access.model.threadTs };
      let gone = false;
      try {
        await services.store.update(
          ref,
          { actor: userId, action: `scope.${kind}.${elementId ? 'edit' : 'add'}` },
          (current) => {
            if (!elementId) return addScopeElement(current, kind, parsed.input).model;
            const next = updateScopeElement(current, kind, elementId, parsed.input);
            gone = next === undefined;
            return next ?? current;
          },
        );
      } catch (error) {
        if (!(error instanceof ModelInvalidError)) throw error;
        // The model changed between the check and the write (e.g. a chosen element was removed).
        services.logger.info({ model: modelId, problems: error.problems }, 'scope change refused');
        return tellUser(
          services.client,
          services.logger,
          where,
          userId,
          `Your ${SCOPE_KIND_NAMES[kind]} was not saved: the model changed meanwhile. Please try again.`,
        );
      }
      if (gone)
        return tellUser(
          services.client,
          services.logger,
          where,
          userId,
          `${elementId} was removed meanwhile; your edit was not saved.`,
        );
      services.refresher.refresh(ref);
    });
  };
}

function firstInput(view: ViewSubmitAction['view']): string {
  const input = view.blocks.find((block) => block.type === 'input');
  return input?.block_id ?? 'name';
}
