import type { ThreatModel } from '../../domain/model';
import type { ReopenedSteps } from '../../domain/stale-steps';
import type { SlackServices } from '../deps';
import type { PostsIn } from '../thread-posts';
import type { SlackMessage } from '../views/surfaces';
import { stepsReopenedMessage } from '../views/thread-messages';
import { tellUser } from './tell-user';

/** The model's channel, in its workspace (whose budget the thread's posts spend). */
export function modelChannel(model: ThreatModel): PostsIn {
  return { workspaceId: model.workspaceId, channel: model.channelId };
}

/**
 * Post a message in the model's thread, for everyone there. Nobody waits for it: it is queued in
 * the background lane (the workspace's budget, the channel's pace) and this returns at once.
 */
export function postInModelThread(
  services: Pick<SlackServices, 'threadPosts'>,
  model: ThreatModel,
  message: SlackMessage,
): void {
  services.threadPosts.post(modelChannel(model), { thread_ts: model.threadTs, ...message });
}

/**
 * Tell one person, privately, in the model's thread (a failure to tell is logged, never thrown).
 * An ephemeral is looked at right away, so it goes through the interactive client.
 */
export function tellInModelThread(
  services: Pick<SlackServices, 'client' | 'logger'>,
  model: ThreatModel,
  userId: string,
  text: string,
): Promise<void> {
  return tellUser(
    services.client,
    services.logger,
    { channel: model.channelId, threadTs: model.threadTs },
    userId,
    text,
  );
}

/** After a change: when it reopened steps, say once in the thread which and why (queued, see postInModelThread). */
export function postReopenedSteps(
  services: Pick<SlackServices, 'threadPosts'>,
  model: ThreatModel,
  reopened: ReopenedSteps | undefined,
): void {
  if (reopened) postInModelThread(services, model, stepsReopenedMessage(model, reopened));
}
