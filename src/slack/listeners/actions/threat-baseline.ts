import type { BlockAction } from '@slack/bolt';
import { openBaselineControls } from '../../../use-cases/open-baseline-controls';
import type { SlackServices } from '../../deps';
import { baselineControlsModal } from '../../views/baseline-controls-modal';
import type { MenuChoice } from '../menu-choice';

/** "Baseline controls" on a threat: the catalog's controls for it, each one tap from a mitigation. */
export async function threatBaseline(services: SlackServices, body: BlockAction, choice: MenuChoice): Promise<void> {
  const ref = { workspaceId: choice.workspaceId, modelId: choice.model.id };
  const outcome = await openBaselineControls(services, { ref, by: body.user.id, threatId: choice.id });
  if (!outcome.ok) return choice.tell(outcome.message);
  const { model, threat, controls } = outcome;
  await services.client.views.open({
    trigger_id: body.trigger_id,
    view: baselineControlsModal(model, threat, controls),
  });
}
