import { helpMessage } from '../../views/command-responses';
import type { Subcommand } from './subcommand';

/** `/threatmodel` or `/threatmodel help`: what the command can do, answered in the ack. */
export const helpCommand: Subcommand = async (_services, { ack }) => ack(helpMessage());
