import { randomUUID } from 'node:crypto';
import { BudgetSpentError } from '../errors';
import type { Logger } from '../logger';
import type { ChannelPacer } from '../ports/channel-pacer';
import type { CallPriority } from '../ports/slack-budget';
import type { BackgroundSlack } from './background-slack';
import { failedCallFields } from './slack-errors';
import type { SlackMessage } from './views/surfaces';

/**
 * The longest one post waits for the budget inside its call. A longer wait (a spent budget, a
 * Retry-After Slack sent anyone in the workspace) is waited out between tries instead, where
 * shutdown can cut it short.
 */
export const THREAD_POST_MAX_WAIT_MS = 3000;

/**
 * How long a post keeps waiting for Slack before it is given up (and logged): nobody is blocked
 * on a notice in a thread, so it may wait through several budget windows and any Retry-After
 * Slack sends in practice, but not forever (the queue lives in this process's memory).
 */
export const THREAD_POST_PATIENCE_MS = 10 * 60_000;

/** On shutdown, how long posts still queued may wait for their turn before they are given up. */
export const THREAD_POST_CLOSE_GRACE_MS = 5000;

/** Where posts go: a conversation (usually a model's channel), and whose budget they spend. */
export interface PostsIn {
  workspaceId: string;
  channel: string;
}

/** A message for the conversation; with `thread_ts`, a reply in that thread. */
export type ThreadMessage = SlackMessage & { thread_ts?: string | undefined };

/**
 * Posts one message, at the channel's pace and on the workspace's budget; resolves with its ts.
 * `later`: a message nobody needs to go on (a greeting, a role's prompts), which gives way to the
 * others (a step's announcement and its buttons) when the workspace's budget is short.
 */
export type Post = (message: ThreadMessage, priority?: CallPriority) => Promise<{ ts: string }>;

/** A post waited longer than it may: nothing was sent. */
class PostGivenUpError extends Error {
  constructor(readonly waitMs: number) {
    super(`gave up a post that would still wait ${waitMs} ms`);
  }
}

interface ThreadPostsDeps {
  background: BackgroundSlack;
  pacer: ChannelPacer;
  logger: Logger;
  patienceMs?: number;
}

/**
 * The background lane for messages the listeners post after their ack (greetings, "saved" notices,
 * step announcements, reopened steps): nobody waits for them, so they never go through the
 * interactive client. Each spends the workspace's chat.postMessage budget (shared by every
 * process, see BackgroundSlack) and takes its turn in the channel (the channel pacer the jobs use),
 * and waits as long as Slack or the budget says, up to THREAD_POST_PATIENCE_MS.
 *
 * The posts of one conversation go out one after another, in the order they were asked for (a
 * step's announcement reads in order; a greeting is never overtaken by the next one). They run
 * outside the listeners' after-ack queue: a channel waiting for Slack holds up no one's save, and
 * no other channel. Each is posted once: a refused call (429, a spent budget) sent nothing, and is
 * tried again; any other failure is logged and the next post goes on.
 */
export class ThreadPosts {
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly sleepers = new Set<() => void>();
  private closedAt: number | undefined;

  constructor(private readonly deps: ThreadPostsDeps) {}

  /** Queue one message in `where`; it goes out after the conversation's earlier posts. */
  post(where: PostsIn, message: ThreadMessage): void {
    void this.send(where, async (post) => {
      await post(message);
    });
  }

  /**
   * Queue `work`, which posts with `post`: it runs after the conversation's earlier posts and
   * before later ones. Resolves once it is done; never rejects (a failure is logged).
   */
  send(where: PostsIn, work: (post: Post) => Promise<void>): Promise<void> {
    const key = `${where.workspaceId}/${where.channel}`;
    const done = (this.lanes.get(key) ?? Promise.resolve()).then(() => this.run(where, work));
    this.lanes.set(key, done);
    void done.then(() => {
      if (this.lanes.get(key) === done) this.lanes.delete(key);
    });
    return done;
  }

  /** Resolves when no post is queued or waiting (tests, `idle()`). */
  async idle(): Promise<void> {
    while (this.lanes.size > 0) await Promise.all([...this.lanes.values()]);
  }

  /**
   * Shutdown: posts that can go within THREAD_POST_CLOSE_GRACE_MS still go; those that would wait
   * longer are given up (and logged). Resolves when every lane is done.
   */
  async close(): Promise<void> {
    this.closedAt ??= Date.now();
    for (const wake of [...this.sleepers]) wake();
    await this.idle();
  }

  private async run(where: PostsIn, work: (post: Post) => Promise<void>): Promise<void> {
    try {
      await work((message, priority) => this.postOne(where, message, priority));
    } catch (error) {
      const fields = { workspace: where.workspaceId, channel: where.channel };
      if (error instanceof PostGivenUpError) {
        this.deps.logger.warn(
          { ...fields, waitMs: error.waitMs },
          'gave up posting in a thread: Slack kept us waiting',
        );
      } else {
        // Slack's refusal (not_in_channel, an archived channel) is an answer, not a fault of ours.
        const failed = failedCallFields(error);
        if ('err' in failed) this.deps.logger.error({ ...fields, ...failed }, 'could not post in a thread');
        else this.deps.logger.warn({ ...fields, ...failed }, 'could not post in a thread');
      }
    }
  }

  private async postOne(where: PostsIn, message: ThreadMessage, priority?: CallPriority): Promise<{ ts: string }> {
    const { workspaceId, channel } = where;
    const client = this.deps.background.client({
      workspaceId,
      maxWaitMs: THREAD_POST_MAX_WAIT_MS,
      ...(priority && { priority }),
    });
    const deliveryId = randomUUID();
    const giveUpAt = Date.now() + (this.deps.patienceMs ?? THREAD_POST_PATIENCE_MS);
    for (;;) {
      let waitMs = await this.deps.pacer.turn(channel, deliveryId);
      if (waitMs === 0) {
        try {
          const posted = await client.chat.postMessage({ channel, ...message });
          await this.deps.pacer.posted(channel);
          return { ts: String(posted.ts) };
        } catch (error) {
          if (!(error instanceof BudgetSpentError)) throw error;
          waitMs = error.retryInMs;
        }
      }
      if (Date.now() + waitMs > this.deadline(giveUpAt)) throw new PostGivenUpError(waitMs);
      await this.sleep(waitMs);
    }
  }

  /** When a post must have gone: its patience, or shortly after shutdown began. */
  private deadline(giveUpAt: number): number {
    return this.closedAt === undefined ? giveUpAt : Math.min(giveUpAt, this.closedAt + THREAD_POST_CLOSE_GRACE_MS);
  }

  /** Waits `ms`, or less when shutdown begins meanwhile (the post then looks at its deadline again). */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}
