import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { ModelIdSchema, ThreatModelSchema } from '../../../domain/model';
import { summarize } from '../../../domain/summary';
import { editableModel } from '../../../use-cases/model-access';
import type { SlackServices } from '../../deps';
import { helpMessage, listMessage, usageForStart } from '../../views/command-responses';
import { modelCard } from '../../views/model-card';
import { OPEN_REVIEWS_SHOWN, openReviewsMessage } from '../../views/open-reviews';
import { userLine } from '../../views/text';
import { startModel } from './start-model';

const LIST_LIMIT = 10;

/** Why a title cannot be used, in the words of the schema the store enforces; undefined if fine. */
function titleProblem(title: string): string | undefined {
  if (!title) return 'Give the feature a title.';
  const result = ThreatModelSchema.shape.title.safeParse(title);
  return result.success ? undefined : `That title ${result.error.issues[0]?.message ?? 'is not valid'}.`;
}

/** `/threatmodel <subcommand>`: start, list, status, export, reuse, reviews, help. Acknowledged first; slow work after. */
export function threatmodelCommand(services: SlackServices) {
  return async ({ ack, command, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const text = command.text.trim();
    const [sub = '', ...rest] = text.split(/\s+/);
    switch (sub.toLowerCase()) {
      case 'start': {
        const title = text.slice(sub.length).trim();
        const problem = titleProblem(title);
        if (problem) return ack(usageForStart(problem));
        if (!/^[CG]/.test(command.channel_id))
          return ack(helpMessage('Start a model in a channel, where the team can join in.'));
        await ack();
        return services.afterAck.run(() =>
          startModel(
            services,
            { workspaceId: command.team_id, channelId: command.channel_id, userId: command.user_id, title },
            respond,
          ),
        );
      }
      case 'list': {
        await ack();
        await services.afterAck.run(async () => {
          const page = await services.store.list(
            command.team_id,
            { by: 'channel', channelId: command.channel_id },
            { limit: LIST_LIMIT },
          );
          const models = await Promise.all(
            page.items.map(async (model) => ({
              model,
              permalink: model.threadTs
                ? ((await services.client.chat.getPermalink({ channel: model.channelId, message_ts: model.threadTs }))
                    .permalink ?? undefined)
                : undefined,
            })),
          );
          await respond(listMessage(models, page.total, command.channel_id));
        });
        return;
      }
      case 'status': {
        const id = ModelIdSchema.safeParse((rest[0] ?? '').toUpperCase());
        if (!id.success) return ack(helpMessage('Which model? For example `/threatmodel status TM-12`.'));
        await ack();
        await services.afterAck.run(async () => {
          const model = await services.store.get({ workspaceId: command.team_id, modelId: id.data });
          if (!model) {
            await respond(helpMessage(`There is no threat model ${id.data} in this workspace.`));
            return;
          }
          await respond({
            response_type: 'ephemeral',
            ...modelCard(model, summarize(services.flow, model), services.flow, false),
          });
        });
        return;
      }
      case 'export': {
        const id = ModelIdSchema.safeParse((rest[0] ?? '').toUpperCase());
        if (!id.success) return ack(helpMessage('Which model? For example `/threatmodel export TM-12`.'));
        if (!services.exports.configured) {
          return ack(helpMessage('Exports are not set up yet: ask whoever runs Threadmodel to set EXPORT_GIT_URL.'));
        }
        await ack();
        await services.afterAck.run(async () => {
          const model = await services.store.get({ workspaceId: command.team_id, modelId: id.data });
          if (!model || !(await services.members.isMember(model.channelId, command.user_id))) {
            await respond(helpMessage(`There is no threat model ${id.data} in your channels.`));
            return;
          }
          await services.exports.exportModel({
            workspaceId: model.workspaceId,
            modelId: model.id,
            requestedBy: command.user_id,
            reason: 'on_demand',
            requestedAt: services.clock().toISOString(),
          });
          await respond(
            helpMessage(
              `Exporting ${model.id} (version ${model.version}) to the repository; the link will follow in its thread.`,
            ),
          );
        });
        return;
      }
      case 'reuse': {
        // `/threatmodel reuse TM-3 in TM-7`
        const dependency = ModelIdSchema.safeParse((rest[0] ?? '').toUpperCase());
        const target = ModelIdSchema.safeParse((rest[2] ?? '').toUpperCase());
        if (!dependency.success || !target.success || rest[1]?.toLowerCase() !== 'in') {
          return ack(
            helpMessage(
              'Which exported model, in which model? For example `/threatmodel reuse TM-3 in TM-7` brings the components, threats and mitigations of TM-3 into TM-7.',
            ),
          );
        }
        if (!services.exports.configured) {
          return ack(helpMessage('Exports are not set up yet: ask whoever runs Threadmodel to set EXPORT_GIT_URL.'));
        }
        await ack();
        await services.afterAck.run(async () => {
          const access = await editableModel(services, command.team_id, target.data, command.user_id);
          if (!access.ok) {
            await respond(helpMessage(access.message));
            return;
          }
          await services.exports.reuseModel({
            workspaceId: command.team_id,
            modelId: target.data,
            dependencyId: dependency.data,
            requestedBy: command.user_id,
            requestedAt: services.clock().toISOString(),
          });
          await respond(
            helpMessage(
              `Reading ${dependency.data} from the repository; what it brings into ${target.data} follows in its thread.`,
            ),
          );
        });
        return;
      }
      case 'reviews': {
        await ack();
        await services.afterAck.run(async () => {
          if (!(await services.appsec.isMember(command.user_id))) {
            await respond(helpMessage('`/threatmodel reviews` lists open reviews for AppSec reviewers.'));
            return;
          }
          const page = await services.store.list(
            command.team_id,
            { by: 'status', status: 'in_review' },
            { limit: OPEN_REVIEWS_SHOWN },
          );
          await respond(openReviewsMessage(page.items, page.total, services.clock()));
        });
        return;
      }
      case '':
      case 'help':
        return ack(helpMessage());
      default:
        return ack(helpMessage(`I do not know "${userLine(sub, 40)}".`));
    }
  };
}
