import { cleanLine } from '../domain/clean-text';
import type { ThreatModel } from '../domain/model';
import type { ThreatInput } from '../domain/threat-edits';
import type { ModelStore } from '../ports/model-store';
import { type AccessDeps, modelReadyForThreats } from './model-access';
import { refuse, type UseCaseOutcome } from './outcome';

export interface CaptureThreatInput {
  workspaceId: string;
  channelId: string;
  /** The thread the message is in (the message's own ts when it is a thread's parent). */
  threadTs: string;
  /** The message's text: it becomes the threat action. */
  text: string;
  /** The Slack user who captures it. */
  by: string;
}

/** How much of the message becomes the threat action: a short line the author then rewrites. */
const ACTION_LENGTH = 200;
const PAGE = 100;

/** The model whose thread this is (its card is the thread's parent), if any. */
async function modelOfThread(store: ModelStore, { workspaceId, channelId, threadTs }: CaptureThreatInput) {
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.list(workspaceId, { by: 'channel', channelId }, { offset, limit: PAGE });
    const found = page.items.find((model) => model.threadTs === threadTs);
    if (found || page.nextOffset === undefined) return found;
  }
}

/**
 * "Capture as threat" on a message of a model's thread, so free brainstorming is not lost: the
 * model must be ready for threats, and the message's text is the threat action to start from.
 */
export async function captureThreat(
  deps: AccessDeps,
  input: CaptureThreatInput,
): Promise<UseCaseOutcome<{ model: ThreatModel; values: ThreatInput }>> {
  const found = await modelOfThread(deps.store, input);
  if (!found) {
    return refuse("This message is not in the thread of a threat model. Use it on a message in a model's thread.");
  }
  const access = await modelReadyForThreats(deps, input.workspaceId, found.id, input.by);
  if (!access.ok) return access;
  // Cleaned again after the cut, which may halve an emoji.
  const threatAction = cleanLine(cleanLine(input.text).slice(0, ACTION_LENGTH));
  return {
    ok: true,
    model: access.model,
    values: {
      threatSource: '',
      threatAction,
      impactedGoals: [],
      impactedAssetIds: [],
      stride: [],
      affectedElementIds: [],
    },
  };
}
