import type { AllMiddlewareArgs, BlockAction, OverflowAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackServices } from '../../deps';
import { type MenuChoice, menuChoice } from '../menu-choice';
import { mitigationEdit } from './mitigation-edit';
import { mitigationRemove } from './mitigation-remove';
import { proposeItemForCatalog } from './propose-for-catalog';

type Verb = (services: SlackServices, body: BlockAction, choice: MenuChoice) => Promise<void>;
const VERBS = new Map<string, Verb>([
  ['edit', mitigationEdit],
  ['remove', mitigationRemove],
  ['propose', proposeItemForCatalog],
]);

/** The Edit / Remove / Propose for the catalog menu on each mitigation of the mitigations list. */
export function mitigationMenu(services: SlackServices) {
  return async ({
    ack,
    body,
    action,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<OverflowAction>> & AllMiddlewareArgs) => {
    await ack();
    const choice = await menuChoice(services, { body, action, respond });
    const verb = choice && VERBS.get(choice.verb);
    if (choice && verb) await verb(services, body, choice);
  };
}
