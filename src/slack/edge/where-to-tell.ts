import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { MessageTsSchema, SlackUserIdSchema } from '../../domain/primitives';
import type { Logger } from '../../logger';
import { tellUser } from '../presenters/tell-user';
import { ActingUser, Channel, ConversationId, SourceMessage } from './payload-fields';

/** Where a refusal about an interaction can be said privately: its channel and thread, and to whom. */
const Interaction = z.looseObject({
  user: ActingUser,
  channel: Channel,
  message: SourceMessage.optional(),
  container: z.looseObject({ thread_ts: MessageTsSchema.optional() }).optional(),
});
const Command = z.looseObject({ user_id: SlackUserIdSchema, channel_id: ConversationId });

/**
 * Tell the person who sent `body` something only they see, when the body says well enough who
 * and where (a hand-made body may not): nothing is said otherwise.
 */
export async function tellSender(client: WebClient, logger: Logger, body: unknown, text: string): Promise<void> {
  const interaction = Interaction.safeParse(body);
  if (interaction.success) {
    const { user, channel, message, container } = interaction.data;
    const threadTs = message?.thread_ts ?? container?.thread_ts;
    return tellUser(client, logger, { channel: channel.id, threadTs }, user.id, text);
  }
  const command = Command.safeParse(body);
  if (command.success)
    return tellUser(client, logger, { channel: command.data.channel_id }, command.data.user_id, text);
}
