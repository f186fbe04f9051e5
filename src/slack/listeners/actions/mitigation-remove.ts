import type { BlockAction } from '@slack/bolt';
import { removeMitigation } from '../../../use-cases/remove-mitigation';
import type { SlackServices } from '../../deps';
import { postReopenedSteps } from '../../presenters/in-model-thread';
import type { MenuChoice } from '../menu-choice';

/** "Remove" on a mitigation: its threats may then need another mitigation or a risk decision. */
export async function mitigationRemove(services: SlackServices, body: BlockAction, choice: MenuChoice): Promise<void> {
  await services.afterAck.run(async () => {
    const ref = { workspaceId: choice.workspaceId, modelId: choice.model.id };
    const outcome = await removeMitigation(services, { ref, by: body.user.id, mitigationId: choice.id });
    await choice.tell(
      outcome.ok
        ? `Removed mitigation ${choice.id}; its threats may need another mitigation or a risk decision.`
        : outcome.message,
    );
    if (outcome.ok) postReopenedSteps(services, outcome.model, outcome.reopened);
  });
}
