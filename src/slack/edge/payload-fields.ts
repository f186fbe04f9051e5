import { z } from 'zod';
import { ModelIdSchema } from '../../domain/model';
import { MessageTsSchema, SlackUserIdSchema } from '../../domain/primitives';

/**
 * The fields of Slack's payloads that listeners read, each as narrow as Slack makes it. Objects are
 * loose (Slack adds fields over time) but every field named here must be what Slack sends. A value
 * longer than Slack ever sends is refused, so a hostile payload cannot carry megabytes into a use case.
 */

/** Any id Slack issues (trigger ids, view ids, hashes, action ts): short, printable, no spaces. */
export const SlackToken = z.string().regex(/^[\w.-]{1,255}$/);

/** A team id as a payload names it; checked against the app's own workspace at the edge. */
const TeamId = z.string().max(40);

/** The person acting, and their home workspace. */
export const ActingUser = z.looseObject({ id: SlackUserIdSchema, team_id: TeamId.optional() });

/** The workspace the payload comes from (null for an org-wide install). */
export const Team = z.looseObject({ id: TeamId }).nullish();

/** A conversation: a channel (`C…`, `G…`) or a direct message (`D…`, where nudges go). */
export const ConversationId = z.string().regex(/^[CGD][A-Z0-9]{2,30}$/);
export const Channel = z.looseObject({ id: ConversationId });

/** The message a block action came from (its ts, and its thread's). */
export const SourceMessage = z.looseObject({ ts: MessageTsSchema, thread_ts: MessageTsSchema.optional() });

/**
 * What a button or select about a model carries: `TM-7` or `TM-7|<detail>` (see ids.ts encodeValue),
 * the detail in the form `detail` gives (by default any short text without another `|`).
 */
export function modelValue(detail: z.ZodType<unknown> = z.string().max(500).optional()) {
  return z
    .string()
    .max(600)
    .refine((value) => {
      const [modelId, rest, more] = value.split('|');
      return more === undefined && ModelIdSchema.safeParse(modelId).success && detail.safeParse(rest).success;
    }, 'must name a model such as TM-7');
}

/** A view as block actions and submissions carry it: which one, and what the app wrote into it. */
export const ViewRef = z.looseObject({
  id: SlackToken,
  hash: SlackToken.optional(),
  callback_id: z.string().max(255),
  private_metadata: z.string().max(3000),
});

/** A view's blocks, as far as the edge reads them (to find an input for an inline error). */
export const ViewBlocks = z
  .array(z.looseObject({ type: z.string().max(50), block_id: z.string().max(255).optional() }))
  .max(100);

/** One input's state in a submission (the shape forms/form-values.ts reads). */
const InputState = z.looseObject({
  type: z.string().max(50),
  value: z.string().max(10_000).nullish(),
  selected_option: z.looseObject({ value: z.string().max(2000) }).nullish(),
  selected_options: z
    .array(z.looseObject({ value: z.string().max(2000) }))
    .max(500)
    .nullish(),
  selected_user: z.string().max(40).nullish(),
  selected_users: z.array(z.string().max(40)).max(100).nullish(),
  selected_conversation: z.string().max(40).nullish(),
});
export const ViewStateValues = z.record(z.string().max(255), z.record(z.string().max(255), InputState));

/** A string holding JSON that `schema` accepts (a view's private_metadata). */
export function jsonText(schema: z.ZodType<unknown>) {
  return z
    .string()
    .max(3000)
    .refine((text) => {
      try {
        return schema.safeParse(JSON.parse(text)).success;
      } catch {
        return false;
      }
    }, 'must be the metadata this modal was opened with');
}
