import type { BlockAction } from '@slack/bolt';
import { openThreatForm } from '../../../use-cases/open-threat-form';
import type { SlackServices } from '../../deps';
import { threatModal } from '../../views/threat-modal';
import type { MenuChoice } from '../menu-choice';

/** "Edit" on a threat of the threats summary: the threat modal, filled in with the threat. */
export async function threatEdit(services: SlackServices, body: BlockAction, choice: MenuChoice): Promise<void> {
  const ref = { workspaceId: choice.workspaceId, modelId: choice.model.id };
  const outcome = await openThreatForm(services, { ref, by: body.user.id, threatId: choice.id });
  if (!outcome.ok) return choice.tell(outcome.message);
  const { model, threat } = outcome;
  const view = threatModal(
    { model, catalog: services.catalog },
    { threatId: choice.id, ...(threat && { values: threat }) },
  );
  await services.client.views.open({ trigger_id: body.trigger_id, view: view });
}
