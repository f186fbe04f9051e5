import type { BlockAction } from '@slack/bolt';
import { proposeForCatalog } from '../../../use-cases/propose-for-catalog';
import type { SlackServices } from '../../deps';
import { proposedForCatalogText } from '../../views/catalog-proposal-text';
import type { MenuChoice } from '../menu-choice';

/** "Propose for the catalog" on a threat or a mitigation: the use case decides who may; the clicker hears at once. */
export async function proposeItemForCatalog(
  services: SlackServices,
  body: BlockAction,
  choice: MenuChoice,
): Promise<void> {
  await services.afterAck.run(async () => {
    const ref = { workspaceId: choice.workspaceId, modelId: choice.model.id };
    const outcome = await proposeForCatalog(services, { ref, by: body.user.id, itemId: choice.id });
    await choice.tell(outcome.ok ? proposedForCatalogText(outcome) : outcome.message);
  });
}
