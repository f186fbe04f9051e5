import type { BlockAction, OverflowAction, RespondFn } from '@slack/bolt';
import type { ThreatModel } from '../../domain/model';
import { elementForEditing } from '../../use-cases/element-for-editing';
import { editableModel, readableModel } from '../../use-cases/model-access';
import type { SlackServices } from '../deps';
import { decodeValue } from '../ids';
import { tellClicker } from '../presenters/tell-clicker';

export interface MenuChoice {
  /** What was chosen, e.g. `edit` or `remove`. */
  verb: string;
  /** The element it was chosen for, e.g. `T-3`. */
  id: string;
  workspaceId: string;
  model: ThreatModel;
  tell: (text: string) => Promise<void>;
}

/** The menu choices that change the element itself (others, such as `baseline`, only show things). */
const CHANGING_VERBS = new Set(['edit', 'remove']);
/** Choices that only read the element, whatever the model's status: channel members may make them (their use case says who else). */
const READING_VERBS = new Set(['propose']);

/**
 * An Edit/Remove overflow menu on a list line (option values `TM-7|<verb>:<element id>`): the
 * choice, and the model the user may change, or undefined once the user has been told why not.
 */
export async function menuChoice(
  services: SlackServices,
  { body, action, respond }: { body: BlockAction<OverflowAction>; action: OverflowAction; respond: RespondFn },
): Promise<MenuChoice | undefined> {
  const target = decodeValue(action.selected_option.value);
  const [verb = '', id = ''] = (target?.detail ?? '').split(':');
  if (!target || !body.channel) return undefined;
  const workspaceId = body.team?.id ?? '';
  const tell = (text: string) => tellClicker(services, { body, respond }, text);
  const who = { workspaceId, modelId: target.modelId, userId: body.user.id };
  const access = CHANGING_VERBS.has(verb)
    ? await elementForEditing(services, { ...who, elementId: id })
    : READING_VERBS.has(verb)
      ? await readableModel(services, who.workspaceId, who.modelId, who.userId)
      : await editableModel(services, who.workspaceId, who.modelId, who.userId);
  if (!access.ok) {
    await tell(access.message);
    return undefined;
  }
  return { verb, id, workspaceId, model: access.model, tell };
}
