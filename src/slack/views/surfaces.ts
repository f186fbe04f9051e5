import type { KnownBlock, ModalView } from '@slack/types';

/**
 * What the builders return, typed with @slack/types so that a result goes straight into
 * `chat.postMessage` / `chat.update` / `chat.postEphemeral` / `respond` (a message) or
 * `views.open` / `views.update` / `views.push` (a modal) without a cast. Blocks are `KnownBlock`,
 * not the catch-all `Block`, so the compiler checks every block's shape.
 *
 * These are type aliases rather than interfaces: an alias of an object type also fits code that
 * still takes a `Record<string, unknown>`.
 */
export type SlackMessage = {
  /** The notification and screen-reader text; the blocks are what people see. */
  text: string;
  blocks: KnownBlock[];
};

/** A slash command's answer, seen only by the person who typed it. */
export type EphemeralMessage = SlackMessage & { response_type: 'ephemeral' };

/** A modal view: @slack/types' ModalView, as an alias (see above). */
export type Modal = Pick<ModalView, keyof ModalView>;
