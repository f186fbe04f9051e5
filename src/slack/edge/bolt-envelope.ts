import { z } from 'zod';

/**
 * The least a body must be for Bolt to route it. Bolt reads these fields before any middleware of
 * ours runs (to tell an action from an event, to find the team, user and channel, to match ids),
 * and a body without them is either dropped unacknowledged (Slack then warns the person after 3 s)
 * or throws inside Bolt. Everything finer is each listener's schema (see ./route-schemas).
 */
const Id = z.string().max(255);
/** `user`, `channel`, `item`, `subteam` of an event: Bolt looks inside when they are objects. */
const EventPart = z.union([z.string().max(255), z.looseObject({})]).optional();

const EventCallback = z.looseObject({
  event: z.looseObject({
    type: Id,
    user: EventPart,
    channel: EventPart,
    channel_id: Id.optional(),
    item: z.looseObject({}).optional(),
    subteam: z.looseObject({}).optional(),
  }),
  authorizations: z.array(z.looseObject({})).optional(),
});

const Interaction = {
  user: z.looseObject({ id: Id }),
  team: z.looseObject({}).nullish(),
  enterprise: z.looseObject({}).nullish(),
  channel: z.looseObject({}).optional(),
  response_urls: z.array(z.looseObject({})).optional(),
};

const Command = z.looseObject({ command: Id, text: z.string().optional() });
const BlockActions = z.looseObject({
  ...Interaction,
  type: z.literal('block_actions'),
  actions: z.array(z.looseObject({ action_id: Id, block_id: Id.optional() })).min(1),
});
const Shortcut = z.looseObject({ ...Interaction, type: z.enum(['shortcut', 'message_action']), callback_id: Id });
const ViewAction = z.looseObject({
  ...Interaction,
  type: z.enum(['view_submission', 'view_closed']),
  view: z.looseObject({ callback_id: Id }),
});
const Suggestion = z.looseObject({ ...Interaction, type: z.literal('block_suggestion'), action_id: Id });

export const BoltEnvelopeSchema = z.union([EventCallback, Command, BlockActions, Shortcut, ViewAction, Suggestion]);
