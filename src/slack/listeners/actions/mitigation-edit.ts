import type { BlockAction } from '@slack/bolt';
import { openMitigationForm } from '../../../use-cases/open-mitigation-form';
import type { SlackServices } from '../../deps';
import { mitigationModal } from '../../views/mitigation-modal';
import type { MenuChoice } from '../menu-choice';

/** "Edit" on a mitigation of the mitigations list: the mitigation modal, filled in with it. */
export async function mitigationEdit(services: SlackServices, body: BlockAction, choice: MenuChoice): Promise<void> {
  const ref = { workspaceId: choice.workspaceId, modelId: choice.model.id };
  const outcome = await openMitigationForm(services, { ref, by: body.user.id, mitigationId: choice.id });
  if (!outcome.ok) return choice.tell(outcome.message);
  const view = mitigationModal({ model: outcome.model, catalog: services.catalog }, outcome.mitigation);
  await services.client.views.open({ trigger_id: body.trigger_id, view: view });
}
