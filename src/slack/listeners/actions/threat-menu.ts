import type { AllMiddlewareArgs, BlockAction, OverflowAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackServices } from '../../deps';
import { type MenuChoice, menuChoice } from '../menu-choice';
import { proposeItemForCatalog } from './propose-for-catalog';
import { threatBaseline } from './threat-baseline';
import { threatEdit } from './threat-edit';
import { threatRemove } from './threat-remove';

type Verb = (services: SlackServices, body: BlockAction, choice: MenuChoice) => Promise<void>;
const VERBS = new Map<string, Verb>([
  ['edit', threatEdit],
  ['baseline', threatBaseline],
  ['remove', threatRemove],
  ['propose', proposeItemForCatalog],
]);

/** The Edit / Baseline controls / Remove / Propose for the catalog menu on each threat of the threats summary. */
export function threatMenu(services: SlackServices) {
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
