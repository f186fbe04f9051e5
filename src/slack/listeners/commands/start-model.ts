import { WorkspaceIdSchema } from '../../../domain/primitives';
import { startModel, startProblem } from '../../../use-cases/start-model';
import { slackModelThread } from '../../presenters/model-thread';
import { helpMessage, usageForStart } from '../../views/command-responses';
import { notice } from '../../views/thread-messages';
import type { Subcommand } from './subcommand';

/**
 * `/threatmodel start <title>`: a bad title or a DM is answered in the ack; then the use case
 * creates the model, and its card and thread are posted. If the app is not in the channel, the
 * user is told how to invite it.
 */
export const startCommand: Subcommand = async (services, { ack, command, respond, rest: title }) => {
  const problem = startProblem({ title, channelId: command.channel_id });
  if (problem) return ack(problem.about === 'title' ? usageForStart(problem.message) : helpMessage(problem.message));
  await ack();
  await services.afterAck.run(async () => {
    const outcome = await startModel(
      services,
      {
        workspaceId: command.team_id,
        enterpriseId: WorkspaceIdSchema.safeParse(command.enterprise_id).success ? command.enterprise_id : undefined,
        channelId: command.channel_id,
        userId: command.user_id,
        title,
      },
      slackModelThread(services),
    );
    if (!outcome.ok) await respond({ response_type: 'ephemeral', ...notice(outcome.message) });
  });
};
