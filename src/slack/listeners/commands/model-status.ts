import { modelStatus } from '../../../use-cases/model-status';
import { helpMessage } from '../../views/command-responses';
import { modelCard } from '../../views/model-card';
import { modelIdArgument } from './model-id-argument';
import type { Subcommand } from './subcommand';

/** `/threatmodel status TM-12 [v1]`: the model's card (or an earlier approved version's), for the user only. */
export const statusCommand: Subcommand = async (services, { ack, command, respond, words }) => {
  const modelId = modelIdArgument(words[0]);
  if (!modelId) return ack(helpMessage('Which model? For example `/threatmodel status TM-12`.'));
  const version = /^v([1-9]\d{0,2})$/i.exec(words[1] ?? '');
  if (words[1] !== undefined && !version) {
    return ack(helpMessage(`Which version? For example \`/threatmodel status ${modelId} v1\`.`));
  }
  await ack();
  await services.afterAck.run(async () => {
    const outcome = await modelStatus(services, {
      ref: { workspaceId: command.team_id, modelId },
      by: command.user_id,
      version: version ? Number(version[1]) : undefined,
    });
    if (!outcome.ok) {
      await respond(helpMessage(outcome.message));
      return;
    }
    await respond({
      response_type: 'ephemeral',
      ...modelCard(outcome.model, outcome.summary, services.flow, false),
    });
  });
};
