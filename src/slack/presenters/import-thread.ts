import type { ImportThread } from '../../use-cases/import-model';
import { pacedPost } from '../paced-post';
import { slackErrorCode } from '../slack-errors';
import { importPromptMessage } from '../views/import-messages';
import { slackModelThread, type ThreadServices } from './model-thread';

/**
 * An import in Slack: the prompt in the channel (undefined when the app is not in it), which
 * becomes the model's card once a file imports (the card refresher rewrites it), and under it the
 * same thread openings as a started model's.
 */
export function slackImportThread(services: ThreadServices): ImportThread {
  return {
    async postPrompt({ channelId, userId }) {
      try {
        const posted = await pacedPost(services.client, services.pacer, {
          channel: channelId,
          ...importPromptMessage(userId),
        });
        return posted.ts as string;
      } catch (error) {
        const code = slackErrorCode(error);
        if (code !== 'not_in_channel' && code !== 'channel_not_found') throw error;
        return undefined;
      }
    },
    openThread: (model) => slackModelThread(services).openThread(model),
  };
}
