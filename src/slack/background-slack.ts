import type { WebAPICallResult, WebClient, WebClientOptions } from '@slack/web-api';
import { BudgetSpentError } from '../errors';
import type { SlackCallMetrics } from '../ports/metrics';
import type { CallPriority, SlackBudget } from '../ports/slack-budget';
import { type BotTokens, fixedToken, workspaceTokenFor } from './bot-tokens';
import { CountedWebClient } from './counted-web-client';
import { rateLimitedFor } from './slack-errors';

/** Whose budget a background client spends, how urgent its calls are, and how long one may wait. */
export interface BudgetedCalls {
  workspaceId: string;
  /** Default `first`; the shared lists are `later` (see CallPriority). */
  priority?: CallPriority;
  /**
   * The longest a call waits for the budget inside the call (default 0). A longer wait throws
   * `BudgetSpentError` with nothing sent: the caller defers its work or delays its job.
   */
  maxWaitMs?: number;
  /**
   * Who waits in line when the budget is spent (a model's card): freed calls go to the waiters
   * in the order they began to wait, and each is told when its turn comes (see SlackBudget).
   */
  waiter?: string;
}

/**
 * A Web API client that spends a workspace's budget before every call and, on Slack's 429,
 * pauses the method in Redis for everyone (it rejects rate-limited calls itself, so its own queue
 * never stalls and the interactive client's queue is a different one altogether).
 */
class BudgetedWebClient extends CountedWebClient {
  constructor(
    tokens: BotTokens,
    options: WebClientOptions,
    budget: SlackBudget,
    spending: Required<BudgetedCalls>,
    metrics: SlackCallMetrics | undefined,
  ) {
    const tokenFor = workspaceTokenFor(tokens, spending.workspaceId);
    super(
      fixedToken(tokens),
      { ...options, rejectRateLimitedCalls: true },
      { lane: 'background', metrics, ...(tokenFor && { tokenFor }) },
    );
    this.budget = budget;
    this.spending = spending;
  }

  // Plain (not `private`) fields, named apart from the Web API's namespaces (`calls` is one):
  // TypeScript would not let a class with private members stand for a WebClient.
  readonly budget: SlackBudget;
  readonly spending: Required<BudgetedCalls>;

  override async apiCall(method: string, options?: Record<string, unknown>): Promise<WebAPICallResult> {
    // files.uploadV2 is made of calls that come back through here, each spending its own budget.
    if (method === 'files.uploadV2') return super.apiCall(method, options);
    const { workspaceId, priority, maxWaitMs, waiter } = this.spending;
    for (;;) {
      const wait = await this.budget.take(workspaceId, method, priority, Date.now(), waiter);
      if (wait > maxWaitMs) throw new BudgetSpentError(method, wait);
      if (wait > 0) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      try {
        return await super.apiCall(method, options);
      } catch (error) {
        const retryAfter = rateLimitedFor(error);
        if (retryAfter === undefined) throw error;
        await this.budget.pause(workspaceId, method, retryAfter * 1000);
      }
    }
  }
}

/** How many background clients one process keeps (a client per workspace and use, and per card waiting). */
const CLIENTS_KEPT = 2000;

/**
 * The background lane: everything nobody waits for (card and list refreshes, pictures, nudges,
 * greetings, notices after the ack) calls Slack through one of its clients, each spending the
 * budget of one workspace, shared by every app process through Redis.
 */
export class BackgroundSlack {
  private readonly clients = new Map<string, WebClient>();

  constructor(
    private readonly tokens: BotTokens,
    private readonly options: WebClientOptions,
    private readonly budget: SlackBudget,
    private readonly metrics?: SlackCallMetrics,
  ) {}

  /**
   * The client for these calls (one per workspace, priority, wait and waiter, made once; the
   * least recently used are let go past CLIENTS_KEPT, as each model's card has a waiter of its own).
   */
  client(calls: BudgetedCalls): WebClient {
    const full = { priority: 'first' as const, maxWaitMs: 0, waiter: '', ...calls };
    const key = `${full.workspaceId}|${full.priority}|${full.maxWaitMs}|${full.waiter}`;
    const known = this.clients.get(key);
    if (known) {
      this.clients.delete(key);
      this.clients.set(key, known);
      return known;
    }
    const made = new BudgetedWebClient(this.tokens, this.options, this.budget, full, this.metrics);
    this.clients.set(key, made);
    if (this.clients.size > CLIENTS_KEPT) this.clients.delete(this.clients.keys().next().value ?? '');
    return made;
  }
}
