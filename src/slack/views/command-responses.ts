import { LIMITS } from '../../domain/limits';
import type { ThreatModel } from '../../domain/model';
import { statusLabel } from '../../domain/status-labels';
import { stepNumber } from '../../domain/steps';
import type { EphemeralMessage } from './surfaces';
import { context, section, truncate, userLine } from './text';

export const COMMAND = '/threatmodel';

/** `/threatmodel help`, also shown for anything the command does not understand. */
export function helpMessage(note?: string): EphemeralMessage {
  const text = [
    ...(note ? [note, ''] : []),
    '*Threadmodel* walks your team through a threat model of one feature, in one thread.',
    `• \`${COMMAND} start <feature title>\`: start a model in this channel`,
    `• \`${COMMAND} list\`: models in this channel`,
    `• \`${COMMAND} status TM-12\`: where a model stands (\`${COMMAND} status TM-12 v1\`: an earlier approved version)`,
    `• \`${COMMAND} export TM-12\`: write the model to the team's repository (report, diagrams, JSON)`,
    `• \`${COMMAND} import\`: make a model from a Threat Composer or Threat Dragon file shared in the thread it starts`,
    `• \`${COMMAND} import <path>\`: the same from a file in the export repository, e.g. \`threat-models/tm-3-search/threat-model.tc.json\``,
    `• \`${COMMAND} reuse TM-3 in TM-12\`: bring an exported model's components, threats and mitigations into a new one`,
    `• \`${COMMAND} reviews\`: open AppSec reviews, with reviewer, due date and age (AppSec)`,
    `• \`${COMMAND} help\`: this help`,
  ].join('\n');
  return commandAnswer(text);
}

/**
 * A command's answer that is not about how to use it (a refusal, "queued, the link follows"):
 * just the sentence, without the help that a command it could not read gets.
 */
export function commandAnswer(text: string): EphemeralMessage {
  return { response_type: 'ephemeral', text, blocks: [section(text)] };
}

export function usageForStart(problem: string): EphemeralMessage {
  return helpMessage(
    `${problem} Usage: \`${COMMAND} start <feature title>\`, e.g. \`${COMMAND} start Refunds API\` (at most ${LIMITS.titleMax} characters).`,
  );
}

/** `/threatmodel list`: the channel's models with a link to each thread. */
export function listMessage(
  models: readonly { model: ThreatModel; permalink: string | undefined }[],
  total: number,
  channelId: string,
): EphemeralMessage {
  if (models.length === 0) {
    const text = `No threat models in <#${channelId}> yet. Start one with \`${COMMAND} start <feature title>\`.`;
    return { response_type: 'ephemeral', text, blocks: [section(text)] };
  }
  const lines = models.map(({ model, permalink }) => {
    const title = userLine(model.title, 100);
    const link = permalink ? `<${permalink}|${title}>` : title;
    return `*${model.id}* ${link} · ${statusLabel(model.status)} · step ${stepNumber(model.currentStep)} of 4`;
  });
  const more =
    total > models.length ? [context(`Showing the ${models.length} most recently updated of ${total}.`)] : [];
  return {
    response_type: 'ephemeral',
    text: `Threat models in this channel: ${total}`,
    blocks: [section(truncate(`*Threat models in <#${channelId}>*\n${lines.join('\n')}`, 3000)), ...more],
  };
}
