import { z } from 'zod';
import { MessageTsSchema, SlackUserIdSchema } from '../../domain/primitives';
import { ActingUser, Channel, ConversationId, SlackToken, Team } from './payload-fields';
import { told } from './refusals';

/** More than any subcommand needs (a title holds 120 characters). */
const COMMAND_TEXT_MAX = 4000;

/** `/threatmodel …`: who typed it where, and what. */
export const CommandPayload = z.looseObject({
  command: z.string().max(100),
  text: z
    .string()
    .max(100_000)
    .superRefine(
      told(
        (text) => text.length <= COMMAND_TEXT_MAX,
        () => `That is more than \`/threatmodel\` takes (at most ${COMMAND_TEXT_MAX} characters). Nothing was changed.`,
      ),
    ),
  user_id: SlackUserIdSchema,
  channel_id: ConversationId,
  team_id: z.string().max(40),
  /** Set in an Enterprise Grid workspace: its organisation (kept on the models started there). */
  enterprise_id: z.string().max(40).optional(),
  trigger_id: SlackToken,
  response_url: z.string().max(500),
});

/** "Capture as threat" on a message: the message (its text becomes the threat action) and its thread. */
export const CaptureShortcutPayload = z.looseObject({
  type: z.literal('message_action'),
  callback_id: z.string(),
  trigger_id: SlackToken,
  user: ActingUser,
  team: Team,
  channel: Channel,
  message: z.looseObject({
    ts: MessageTsSchema,
    thread_ts: MessageTsSchema.optional(),
    text: z.string().max(40_000).optional(),
  }),
  response_url: z.string().max(500),
});

/** An Events API callback around `event`. */
function eventCallback(event: z.ZodRawShape) {
  return z.looseObject({
    type: z.literal('event_callback'),
    team_id: z.string().max(40),
    event_id: z.string().max(100).optional(),
    event: z.looseObject(event),
  });
}

/** "@Threadmodel" in a channel: answered in the thread of the mention. */
export const AppMentionPayload = eventCallback({
  type: z.literal('app_mention'),
  channel: ConversationId,
  ts: MessageTsSchema,
  thread_ts: MessageTsSchema.optional(),
});

/** The Home tab opened: whose. */
export const HomeOpenedPayload = eventCallback({
  type: z.literal('app_home_opened'),
  user: SlackUserIdSchema,
  tab: z.string().max(20),
});

/** The app was uninstalled from the workspace (or the organisation, for an org-wide install). */
export const AppUninstalledPayload = eventCallback({ type: z.literal('app_uninstalled') });

/** Tokens were revoked: user tokens (`oauth`) and bot tokens (`bot`), by user id. */
export const TokensRevokedPayload = eventCallback({
  type: z.literal('tokens_revoked'),
  tokens: z.looseObject({
    oauth: z.array(z.string().max(40)).max(1000).optional(),
    bot: z.array(z.string().max(40)).max(1000).optional(),
  }),
});

/** A file Slack describes in a `file_share` message: only what the import reads. */
const SharedFileFields = z.looseObject({
  id: z.string().max(40),
  name: z.string().max(1000).optional(),
  size: z.number().int().min(0).optional(),
  url_private_download: z.string().max(3000).optional(),
});

/**
 * A message in a channel the app is in. Every message comes here, so everything but the channel
 * is optional: the listener acts on `file_share` messages in an import thread and ignores the rest.
 */
export const MessagePayload = eventCallback({
  type: z.literal('message'),
  channel: ConversationId,
  subtype: z.string().max(60).optional(),
  user: SlackUserIdSchema.optional(),
  ts: MessageTsSchema.optional(),
  thread_ts: MessageTsSchema.optional(),
  files: z.array(SharedFileFields).max(20).optional(),
});
