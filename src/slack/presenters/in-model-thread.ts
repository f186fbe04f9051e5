import type { WebClient } from '@slack/web-api';
import type { ThreatModel } from '../../domain/model';
import type { Logger } from '../../logger';
import type { SlackMessage } from '../views/surfaces';
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
