import { createHash } from 'node:crypto';
import type { ChatUpdateArguments, WebClient } from '@slack/web-api';
import type { Catalog } from '../catalog/catalog';
import type { Flow } from '../domain/flow';
import type { ThreatModel } from '../domain/model';
import { summarize } from '../domain/summary';
import { versionNumber } from '../domain/versions';
import { BudgetSpentError } from '../errors';
import type { Logger } from '../logger';
import type { MessageRefStore, MessageRefs, RefreshedMessage } from '../ports/message-refs';
import type { ModelCards } from '../ports/model-cards';
import type { ModelRef, ModelStore } from '../ports/model-store';
import type { RefreshTurns } from '../ports/refresh-turns';
import type { CallPriority } from '../ports/slack-budget';
import { changesSinceApproval } from '../use-cases/read-changes';
import type { BackgroundSlack } from './background-slack';
import { Coalescer } from './coalescer';
import type { StepEstimateCache } from './step-estimate-cache';
import { threadPermalink } from './thread-link';
import { mitigationSummaryMessage } from './views/mitigation-summary';
import { modelCard } from './views/model-card';
import { reviewCard } from './views/review-card';
import { riskMatrixMessage } from './views/risk-matrix-summary';
import { scopeSummaryMessage } from './views/scope-summary';
import type { SlackMessage } from './views/surfaces';
import { threatSummaryMessage } from './views/threat-summary';

interface RefresherDeps {
  store: ModelStore;
  messageRefs: MessageRefStore;
  catalog: Catalog;
  flow: Flow;
  /** The background lane: every update spends the model's workspace budget. */
  background: BackgroundSlack;
  logger: Logger;
  intervalMs: number;
  /** The workspace's step estimates for the card (cached: a refresh never scans past models). */
  estimates: Pick<StepEstimateCache, 'forWorkspace'>;
  /** Turns shared by every process (in Redis): at most one of them refreshes a model per interval. */
  turns?: RefreshTurns;
}

/** One message to bring in step: where it is and what it should show. */
interface Update {
  message: RefreshedMessage;
  priority: CallPriority;
  args: ChatUpdateArguments & SlackMessage;
}

/** A hash of exactly what an update would send (channel, ts, text, blocks). */
function contentHash(args: Update['args']): string {
  return createHash('sha256').update(JSON.stringify(args)).digest('base64url');
}

/**
 * Keeps a model's card, review card and shared summaries in step with the model. Every change
 * asks for a refresh; refreshes of one model are coalesced (see Coalescer) and always render the
 * latest stored version. A message whose rendering did not change since it was last sent costs
 * nothing; the others spend the workspace's chat.update budget, the cards first and the lists
 * after. What the budget could not pay for now is retried when it can, so every message ends up
 * showing the latest model. With `turns`, the processes of a deployment take turns too: a process
 * that finds another one refreshed the model within the interval waits for its turn, then renders
 * the latest model (and sends nothing when the other already sent that).
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

  /** Resolves when every message shows the latest model (deferred refreshes included). */
  idle(): Promise<void> {
    return this.coalescer.idle();
  }

  /** Shutdown: waits for the refreshes running, drops the deferred ones (the next refresh brings them). */
  close(): Promise<void> {
    return this.coalescer.close();
  }

  private async render(key: string): Promise<void> {
    const [workspaceId = '', modelId = ''] = key.split('/');
    const ref = { workspaceId, modelId };
    const wait = (await this.deps.turns?.take(ref, this.deps.intervalMs)) ?? 0;
    if (wait > 0) {
      this.coalescer.retryIn(key, wait);
      return;
    }
    const [model, refs] = await Promise.all([this.deps.store.get(ref), this.deps.messageRefs.get(ref)]);
    if (!model) return;
    let retryInMs: number | undefined;
    const deferred = (error: unknown) => {
      if (!(error instanceof BudgetSpentError)) throw error;
      retryInMs = Math.min(retryInMs ?? error.retryInMs, error.retryInMs);
    };
    let updates: Update[] = [];
    try {
      updates = await this.updates(model, refs);
    } catch (error) {
      deferred(error);
    }
    for (const update of updates) {
      const hash = contentHash(update.args);
      if (refs.sent?.[update.message] === hash) continue;
      try {
        await this.client(workspaceId, update.priority, `${key}:${update.message}`).chat.update(update.args);
        await this.deps.messageRefs.set(ref, { sent: { [update.message]: hash } });
      } catch (error) {
        deferred(error);
      }
    }
    if (retryInMs !== undefined) this.coalescer.retryIn(key, retryInMs);
  }

  /**
   * A card waits in line for the budget under its own name (model and message), so the cards of a
   * busy workspace take turns, in every process; a list gives way to any card waiting.
   */
  private client(workspaceId: string, priority: CallPriority, waiter?: string): WebClient {
    return this.deps.background.client({
      workspaceId,
      priority,
      ...(waiter && priority === 'first' && { waiter }),
    });
  }

  /** Every message of the model there is to refresh, the cards first. */
  private async updates(model: ThreatModel, refs: MessageRefs): Promise<Update[]> {
    const { flow, catalog } = this.deps;
    const channel = model.channelId;
    const updates: Update[] = [];
    const add = (
      message: RefreshedMessage,
      priority: CallPriority,
      at: { channel: string; ts: string },
      shown: SlackMessage,
    ) => updates.push({ message, priority, args: { ...at, text: shown.text, blocks: shown.blocks } });
    if (refs.card) {
      const estimates = await this.deps.estimates.forWorkspace(model.workspaceId);
      add('card', 'first', { channel, ts: refs.card }, modelCard(model, summarize(flow, model), flow, true, estimates));
    }
    // The review card of an earlier version keeps its decision: a revision gets a card of its own when its review is requested.
    if (refs.reviewCard && refs.reviewChannel && (refs.reviewVersion ?? 1) === versionNumber(model)) {
      const permalink = await threadPermalink(this.client(model.workspaceId, 'first'), this.deps.messageRefs, model);
      const changes = await changesSinceApproval(this.deps.store, model);
      add(
        'reviewCard',
        'first',
        { channel: refs.reviewChannel, ts: refs.reviewCard },
        reviewCard(model, flow, permalink, changes),
      );
    }
    if (refs.scopeSummary)
      add(
        'scopeSummary',
        'later',
        { channel, ts: refs.scopeSummary },
        scopeSummaryMessage(model, catalog, refs.scopePage),
      );
    if (refs.threatSummary)
      add('threatSummary', 'later', { channel, ts: refs.threatSummary }, threatSummaryMessage(model, refs.threatPage));
    if (refs.mitigationSummary)
      add(
        'mitigationSummary',
        'later',
        { channel, ts: refs.mitigationSummary },
        mitigationSummaryMessage(model, refs.mitigationPage),
      );
    if (refs.riskSummary)
      add('riskSummary', 'later', { channel, ts: refs.riskSummary }, riskMatrixMessage(model, flow));
    return updates;
  }
}
