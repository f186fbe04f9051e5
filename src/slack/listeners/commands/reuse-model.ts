import { exportsUnavailable } from '../../../use-cases/request-export';
import { requestReuse } from '../../../use-cases/request-reuse';
import { commandAnswer, helpMessage } from '../../views/command-responses';
import { modelIdArgument } from './model-id-argument';
import type { Subcommand } from './subcommand';

/** `/threatmodel reuse TM-3 in TM-7`: the use case queues the reuse; what TM-3 brings follows in TM-7's thread. */
export const reuseCommand: Subcommand = async (services, { ack, command, respond, words }) => {
  const dependencyId = modelIdArgument(words[0]);
  const modelId = modelIdArgument(words[2]);
  if (!dependencyId || !modelId || words[1]?.toLowerCase() !== 'in') {
    return ack(
      helpMessage(
        'Which exported model, in which model? For example `/threatmodel reuse TM-3 in TM-7` brings the components, threats and mitigations of TM-3 into TM-7.',
      ),
    );
  }
  const unavailable = await exportsUnavailable(services, command.team_id);
  if (unavailable) return ack(commandAnswer(unavailable.message));
  await ack();
  await services.afterAck.run(async () => {
    const outcome = await requestReuse(services, {
      ref: { workspaceId: command.team_id, modelId },
      dependencyId,
      by: command.user_id,
    });
    if (!outcome.ok) {
      await respond(commandAnswer(outcome.message));
      return;
    }
    await respond(
      commandAnswer(
        `Reading ${dependencyId} from the repository; what it brings into ${modelId} follows in its thread.`,
      ),
    );
  });
};
