import type { WebClient } from '@slack/web-api';
import type { ThreatModel } from '../../domain/model';
import type { ReopenedSteps } from '../../domain/stale-steps';
import type { Logger } from '../../logger';
import type { SlackMessage } from '../views/surfaces';
import { stepsReopenedMessage } from '../views/thread-messages';
import { tellUser } from './tell-user';

/** Post a message in the model's thread, for everyone there. */
export async function postInModelThread(client: WebClient, model: ThreatModel, message: SlackMessage): Promise<void> {
  await client.chat.postMessage({ channel: model.channelId, thread_ts: model.threadTs, ...message });
}

/** Tell one person, privately, in the model's thread (a failure to tell is logged, never thrown). */
export function tellInModelThread(
  services: { client: WebClient; logger: Logger },
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

/** After a change: when it reopened steps, say once in the thread which and why. */
export async function postReopenedSteps(
  client: WebClient,
  model: ThreatModel,
  reopened: ReopenedSteps | undefined,
): Promise<void> {
  if (reopened) await postInModelThread(client, model, stepsReopenedMessage(model, reopened));
}
