import type { ModelRef } from '../ports/model-store';
import { type Access, type AccessDeps, readableModel } from './model-access';
import { refuse } from './outcome';

/**
 * The model a message in a channel is about, for a member of the model's channel, and only if
 * the message is in that channel: a read for buttons that only show more of the model (such as
 * the next prompts), never for changes.
 */
export async function modelInChannel(
  deps: AccessDeps,
  { ref, channelId, by }: { ref: ModelRef; channelId: string; by: string },
): Promise<Access> {
  const read = await readableModel(deps, ref.workspaceId, ref.modelId, by);
  if (read.ok && read.model.channelId !== channelId) return refuse(`${read.model.id} belongs to another channel.`);
  return read;
}
