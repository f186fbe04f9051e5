import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { cleanLine } from '../../../domain/clean-text';
import type { SlackServices } from '../../deps';
import { helpMessage } from '../../views/command-responses';
import { userLine } from '../../views/text';
import { helpCommand } from './command-help';
import { exportCommand } from './export-model';
import { importCommand } from './import-model';
import { listCommand } from './list-models';
import { listReviewsCommand } from './list-reviews';
import { statusCommand } from './model-status';
import { reuseCommand } from './reuse-model';
import { startCommand } from './start-model';
import type { Subcommand } from './subcommand';

const SUBCOMMANDS: ReadonlyMap<string, Subcommand> = new Map([
  ['start', startCommand],
  ['list', listCommand],
  ['status', statusCommand],
  ['export', exportCommand],
  ['reuse', reuseCommand],
  ['import', importCommand],
  ['reviews', listReviewsCommand],
  ['help', helpCommand],
  ['', helpCommand],
]);

/**
 * `/threatmodel <subcommand>`: start, list, status, export, reuse, import, reviews, help. Each is acknowledged
 * first; slow work after. The text is cleaned here, where it enters (a title is stored as cleaned).
 */
export function threatmodelCommand(services: SlackServices) {
  return async ({ ack, command, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const text = cleanLine(command.text);
    const [sub = '', ...words] = text.split(/\s+/);
    const subcommand = SUBCOMMANDS.get(sub.toLowerCase());
    if (!subcommand) return ack(helpMessage(`I do not know "${userLine(sub, 40)}".`));
    return subcommand(services, { ack, command, respond, words, rest: text.slice(sub.length).trim() });
  };
}
