import type { WebClient } from '@slack/web-api';
import type { ThreatModel } from '../../domain/model';

export interface ModelWithLink {
  model: ThreatModel;
  permalink: string | undefined;
}

/**
 * Each model with the link to its thread, for lists. `tolerant`: a link Slack cannot give is left
 * out rather than failing the whole list (the Home tab); otherwise the failure is thrown.
 */
export function withPermalinks(
  client: WebClient,
  models: readonly ThreatModel[],
  { tolerant }: { tolerant: boolean },
): Promise<ModelWithLink[]> {
  return Promise.all(
    models.map(async (model) => {
      if (!model.threadTs) return { model, permalink: undefined };
      const asked = client.chat.getPermalink({ channel: model.channelId, message_ts: model.threadTs });
      const permalink = tolerant
        ? await asked.then(
            (r) => r.permalink ?? undefined,
            () => undefined,
          )
        : ((await asked).permalink ?? undefined);
      return { model, permalink };
    }),
  );
}
