import type { SlackServices } from '../deps';
import { decodeValue } from '../ids';
import { type Click, tellClicker } from '../presenters/tell-clicker';

/**
 * Who acts on which model from a review card, an acceptance request or a nudge, and how to answer
 * them privately: where they clicked, even when they are not in that channel.
 */
export function reviewTarget(services: SlackServices, click: Click, encoded: string | undefined) {
  const { body } = click;
  const target = decodeValue(encoded);
  const channel = body.channel?.id;
  if (!target || !channel) return undefined;
  const userId = body.user.id;
  const ref = { workspaceId: body.team?.id ?? '', modelId: target.modelId };
  const tell = (text: string) => tellClicker(services, click, text);
  return { ref, userId, channel, detail: target.detail, tell };
}
