import type { SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackServices } from '../../deps';

/** What a `/threatmodel` subcommand gets: Bolt's ack and respond, the command, and the words after the subcommand. */
export interface SubcommandArgs extends Pick<SlackCommandMiddlewareArgs, 'ack' | 'command' | 'respond'> {
  /** The words after the subcommand, e.g. `['TM-3', 'in', 'TM-7']`. */
  words: string[];
  /** The text after the subcommand as typed, trimmed (a title keeps its spaces). */
  rest: string;
}

/** One `/threatmodel` subcommand: acknowledged first, slow work after the ack. */
export type Subcommand = (services: SlackServices, args: SubcommandArgs) => Promise<void>;
