import type { BlockAction } from '@slack/bolt';
import { removeThreat } from '../../../use-cases/remove-threat';
import type { SlackServices } from '../../deps';
import { postReopenedSteps } from '../../presenters/in-model-thread';
import type { MenuChoice } from '../menu-choice';

/** "Remove" on a threat: the use case refuses while a mitigation still addresses it. */
export async function threatRemove(services: SlackServices, body: BlockAction, choice: MenuChoice): Promise<void> {
  await services.afterAck.run(async () => {
    const ref = { workspaceId: choice.workspaceId, modelId: choice.model.id };
    const outcome = await removeThreat(services, { ref, by: body.user.id, threatId: choice.id });
    await choice.tell(outcome.ok ? `Removed threat ${choice.id}.` : outcome.message);
    if (outcome.ok) postReopenedSteps(services, outcome.model, outcome.reopened);
  });
}
