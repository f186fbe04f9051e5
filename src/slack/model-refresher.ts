import type { WebClient } from '@slack/web-api';
import type { Catalog } from '../catalog/catalog';
import type { Flow } from '../domain/flow';
import { summarize } from '../domain/summary';
import type { Logger } from '../logger';
import type { MessageRefStore } from '../ports/message-refs';
import type { ModelCards } from '../ports/model-cards';
import type { ModelRef, ModelStore } from '../ports/model-store';
import { Coalescer } from './coalescer';
import { threadPermalink } from './thread-link';
import { mitigationSummaryMessage } from './views/mitigation-summary';
import { modelCard } from './views/model-card';
import { reviewCard } from './views/review-card';
import { riskMatrixMessage } from './views/risk-matrix-summary';
import { scopeSummaryMessage } from './views/scope-summary';
import { threatSummaryMessage } from './views/threat-summary';

interface RefresherDeps {
  store: ModelStore;
  messageRefs: MessageRefStore;
  catalog: Catalog;
  flow: Flow;
  client: WebClient;
  logger: Logger;
  intervalMs: number;
}

/**
 * Keeps a model's card and scope summary in step with the model. Every change asks for a
 * refresh; refreshes of one model are coalesced (see Coalescer) and always render the latest
 * stored version, so bursts cost few `chat.update` calls and nothing shows a stale state.
 */
export class ModelRefresher implements ModelCards {
  private readonly coalescer: Coalescer;

  constructor(private readonly deps: RefresherDeps) {
    this.coalescer = new Coalescer(
      (key) => this.render(key),
      deps.intervalMs,
      (key, error) => deps.logger.warn({ err: error, model: key }, 'could not refresh the model card'),
    );
  }

  refresh(ref: ModelRef): void {
    this.coalescer.request(`${ref.workspaceId}/${ref.modelId}`);
  }

  idle(): Promise<void> {
    return this.coalescer.idle();
  }

  private async render(key: string): Promise<void> {
    const [workspaceId = '', modelId = ''] = key.split('/');
    const ref = { workspaceId, modelId };
    const [model, refs] = await Promise.all([this.deps.store.get(ref), this.deps.messageRefs.get(ref)]);
    if (!model) return;
    const { client, flow, catalog } = this.deps;
    if (refs.card) {
      const card = modelCard(model, summarize(flow, model), flow);
      await client.chat.update({ channel: model.channelId, ts: refs.card, ...card });
    }
    if (refs.reviewCard && refs.reviewChannel) {
      const permalink = await threadPermalink(client, this.deps.messageRefs, model);
      await client.chat.update({
        channel: refs.reviewChannel,
        ts: refs.reviewCard,
        ...reviewCard(model, flow, permalink),
      });
    }
    if (refs.mitigationSummary) {
      await client.chat.update({
        channel: model.channelId,
        ts: refs.mitigationSummary,
        ...mitigationSummaryMessage(model, refs.mitigationPage),
      });
    }
    if (refs.riskSummary) {
      await client.chat.update({ channel: model.channelId, ts: refs.riskSummary, ...riskMatrixMessage(model, flow) });
    }
    if (refs.threatSummary) {
      const { page: _page, ...summary } = threatSummaryMessage(model, refs.threatPage);
      await client.chat.update({ channel: model.channelId, ts: refs.threatSummary, ...summary });
    }
    if (refs.scopeSummary) {
      const { page: _page, ...summary } = scopeSummaryMessage(model, catalog, refs.scopePage);
      await client.chat.update({ channel: model.channelId, ts: refs.scopeSummary, ...summary });
    }
  }
}
