import type { ThreatModel } from '../../domain/model';
import { summarize } from '../../domain/summary';
import type { ModelThread } from '../../use-cases/start-model';
import type { SlackServices } from '../deps';
import { pacedPost } from '../paced-post';
import { slackErrorCode } from '../slack-errors';
import type { Post } from '../thread-posts';
import { modelCard } from '../views/model-card';
import { scopeSummaryMessage } from '../views/scope-summary';
import { withStepEstimates } from '../views/step-estimates';
import { rolesMessage, stepOpenedMessage } from '../views/thread-messages';
import { modelChannel } from './in-model-thread';
import { postStepPrompts } from './step-prompts';

export type ThreadServices = Pick<
  SlackServices,
  'client' | 'pacer' | 'store' | 'flow' | 'catalog' | 'threadPosts' | 'estimates' | 'messageRefs' | 'cards'
>;

/**
 * A new model in Slack: its card in the channel (undefined when the app is not in the channel),
 * posted at once in the channel's turn; then, in the card's thread, the roles message, the scope
 * step (with how long past models took over each step, when enough were approved), the scope
 * summary, step 1's prompts for whoever holds a role already and the call-out of the roles nobody
 * holds (their holders get the prompts when picked, see step-prompts.ts).
 */
export function slackModelThread(services: ThreadServices): ModelThread {
  const { client, pacer, flow } = services;
  return {
    async postCard(model) {
      const estimates = await services.estimates.forWorkspace(model.workspaceId);
      try {
        const posted = await pacedPost(client, pacer, {
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
    openThread(model) {
      void services.threadPosts.send(modelChannel(model), (post) => postOpening(services, post, model));
    },
  };
}

/**
 * The thread's opening, in the background lane: the team is already in the channel and may pick
 * roles at once, and their greetings post in the same channel, so every message takes its turn
 * there (one at a time, in order, waiting as long as Slack says) instead of racing the greetings
 * and being refused. The roles and scope-summary messages are remembered as they are posted, and
 * the messages refreshed then if the model changed since they were drawn: a change saved before
 * the summary went out (an asset added at once) reaches it.
 */
async function postOpening(services: ThreadServices, post: Post, model: ThreatModel): Promise<void> {
  const { flow, catalog, messageRefs } = services;
  const ref = { workspaceId: model.workspaceId, modelId: model.id };
  const inThread = { thread_ts: model.threadTs };
  const roles = await post({ ...inThread, ...rolesMessage(model, flow) });
  await messageRefs.set(ref, { roles: roles.ts });
  const estimates = await services.estimates.forWorkspace(model.workspaceId);
  await post({ ...inThread, ...withStepEstimates(stepOpenedMessage(model, flow, 'scope'), estimates) });
  const { page: _page, ...summary } = scopeSummaryMessage(model, catalog);
  const scopeSummary = await post({ ...inThread, ...summary });
  await messageRefs.set(ref, { scopeSummary: scopeSummary.ts, scopePage: 1 });
  // Saved meanwhile, a change found no summary to refresh: refresh it now (and only then).
  if (((await services.store.get(ref))?.version ?? model.version) !== model.version) services.cards.refresh(ref);
  await postStepPrompts(post, model, flow, 'scope');
}
