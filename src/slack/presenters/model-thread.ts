import { summarize } from '../../domain/summary';
import type { ModelThread } from '../../use-cases/start-model';
import type { SlackServices } from '../deps';
import { slackErrorCode } from '../slack-errors';
import { modelCard } from '../views/model-card';
import { scopeSummaryMessage } from '../views/scope-summary';
import { withStepEstimates } from '../views/step-estimates';
import { rolesMessage, stepOpenedMessage } from '../views/thread-messages';
import { modelChannel } from './in-model-thread';
import { postStepPrompts } from './step-prompts';

/**
 * A new model in Slack: its card in the channel (undefined when the app is not in the channel),
 * then, in the card's thread, the roles message, the scope step (with how long past models took
 * over each step, when enough were approved) and the scope summary; then, in
 * the background lane, step 1's prompts for whoever holds a role already and the call-out of the
 * roles nobody holds (their holders get the prompts when picked, see step-prompts.ts).
 */
export function slackModelThread(
  services: Pick<SlackServices, 'client' | 'flow' | 'catalog' | 'threadPosts' | 'estimates'>,
): ModelThread {
  const { client, flow, catalog, threadPosts } = services;
  return {
    async postCard(model) {
      const estimates = await services.estimates.forWorkspace(model.workspaceId);
      try {
        const posted = await client.chat.postMessage({
          channel: model.channelId,
          ...modelCard(model, summarize(flow, model), flow, true, estimates),
        });
        return posted.ts as string;
      } catch (error) {
        const code = slackErrorCode(error);
        if (code !== 'not_in_channel' && code !== 'channel_not_found') throw error;
        return undefined;
      }
    },
    async openThread(model) {
      const inThread = { channel: model.channelId, thread_ts: model.threadTs };
      const roles = await client.chat.postMessage({ ...inThread, ...rolesMessage(model, flow) });
      const estimates = await services.estimates.forWorkspace(model.workspaceId);
      await client.chat.postMessage({
        ...inThread,
        ...withStepEstimates(stepOpenedMessage(model, flow, 'scope'), estimates),
      });
      const { page: _page, ...summary } = scopeSummaryMessage(model, catalog);
      const scopeSummary = await client.chat.postMessage({ ...inThread, ...summary });
      void threadPosts.send(modelChannel(model), (post) => postStepPrompts(post, model, flow, 'scope'));
      return { roles: roles.ts as string, scopeSummary: scopeSummary.ts as string, scopePage: 1 };
    },
  };
}
