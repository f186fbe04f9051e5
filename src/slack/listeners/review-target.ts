import type { BlockAction } from '@slack/bolt';
import type { SlackServices } from '../deps';
import { decodeValue } from '../ids';
import { tellUser } from '../presenters/tell-user';

/** Who acts on which model from a review card or a nudge, and how to answer them privately. */
export function reviewTarget(services: SlackServices, body: BlockAction, encoded: string | undefined) {
  const target = decodeValue(encoded);
  const channel = body.channel?.id;
  if (!target || !channel) return undefined;
  const userId = body.user.id;
  const ref = { workspaceId: body.team?.id ?? '', modelId: target.modelId };
  const threadTs = body.message?.thread_ts;
  const tell = (text: string) => tellUser(services.client, services.logger, { channel, threadTs }, userId, text);
  return { ref, userId, channel, detail: target.detail, tell };
}
