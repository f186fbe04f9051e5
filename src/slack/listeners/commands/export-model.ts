import { exportsUnavailable, requestExport } from '../../../use-cases/request-export';
import { commandAnswer, helpMessage } from '../../views/command-responses';
import { modelIdArgument } from './model-id-argument';
import type { Subcommand } from './subcommand';

/** `/threatmodel export TM-12`: the use case queues the export; the link follows in the model's thread. */
export const exportCommand: Subcommand = async (services, { ack, command, respond, words }) => {
  const modelId = modelIdArgument(words[0]);
  if (!modelId) return ack(helpMessage('Which model? For example `/threatmodel export TM-12`.'));
  const unavailable = await exportsUnavailable(services, command.team_id);
  if (unavailable) return ack(commandAnswer(unavailable.message));
  await ack();
  await services.afterAck.run(async () => {
    const outcome = await requestExport(services, {
      ref: { workspaceId: command.team_id, modelId },
      by: command.user_id,
    });
    if (!outcome.ok) {
      await respond(commandAnswer(outcome.message));
      return;
    }
    const { model } = outcome;
    await respond(
      commandAnswer(
        `Exporting ${model.id} (version ${model.version}) to the repository; the link will follow in its thread.`,
      ),
    );
  });
};
