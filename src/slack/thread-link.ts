import type { WebClient } from '@slack/web-api';
import type { ThreatModel } from '../domain/model';
import type { MessageRefStore } from '../ports/message-refs';

/**
 * The permalink of a model's thread. It never changes, so it is asked of Slack once and kept with
 * the model's message refs: reminders and card refreshes then cost no `chat.getPermalink` each.
 */
export async function threadPermalink(
  client: WebClient,
  messageRefs: MessageRefStore,
  model: ThreatModel,
): Promise<string | undefined> {
  if (!model.threadTs) return undefined;
  const ref = { workspaceId: model.workspaceId, modelId: model.id };
  const known = (await messageRefs.get(ref)).threadLink;
  if (known) return known;
  const link = (await client.chat.getPermalink({ channel: model.channelId, message_ts: model.threadTs })).permalink;
  if (link) await messageRefs.set(ref, { threadLink: link });
  return link ?? undefined;
}
